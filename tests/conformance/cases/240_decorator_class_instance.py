# A class used as a decorator: instances with __call__.
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.fn(*args, **kwargs)
@CountCalls
def say(word, punct="!"):
    return word + punct
print(say("hi"), say("yo", punct="?"), say.calls)
