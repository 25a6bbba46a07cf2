# A long chain of subclasses and a deep super() chain.
class Base:
    def depth(self):
        return 0
classes = [Base]
def make(parent):
    class Sub(parent):
        def depth(self):
            return super().depth() + 1
    return Sub
for i in range(200):
    classes.append(make(classes[-1]))
obj = classes[-1]()
print(obj.depth(), len(type(obj).__mro__), isinstance(obj, Base))
