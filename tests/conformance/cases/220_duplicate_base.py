class A:
    pass
print("ok")
class B(A, A):
    pass
