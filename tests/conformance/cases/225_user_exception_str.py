# __str__ on an exception shapes the traceback's last line.
class Failed(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"failed with code {self.code}"
try:
    raise Failed(3)
except Failed as e:
    print(e, e.args, e.code)
raise Failed(7)
