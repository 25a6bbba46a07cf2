# object() takes no arguments, as in CPython.
print("before")
object(1)
