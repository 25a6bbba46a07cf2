# object.__init__ refuses arguments when a class overrides __init__ and passes them on.
class A:
    def __init__(self, v):
        super().__init__(v)
A(1)
