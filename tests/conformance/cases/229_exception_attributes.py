# Exceptions carry attributes; built-in ones take them too.
class HttpError(Exception):
    status = 500
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason
    def is_client(self):
        return 400 <= self.status < 500
errors = [HttpError(404, "not found"), HttpError(503, "busy")]
for e in errors:
    print(e.status, e.reason, e.is_client(), e)
print(HttpError.status)
e = ValueError("v")
e.note = "extra"
print(e.note, e)
try:
    raise errors[0]
except HttpError as caught:
    print(caught is errors[0], getattr(caught, "missing", None))
print(errors[1].nothing)
