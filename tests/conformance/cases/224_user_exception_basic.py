# A custom exception: raised, caught by its base, printed.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key!r} not found in {where}")
        self.key = key
        self.where = where
try:
    raise NotFound("user42")
except AppError as e:
    print(type(e).__name__, e, e.args, e.key, e.where, isinstance(e, Exception))
    print(repr(e))
try:
    raise AppError
except Exception as e:
    print(repr(e), str(e) == "", e.args)
try:
    raise AppError("a", 1)
except (KeyError, AppError) as e:
    print(e, e.args)
print(issubclass(NotFound, LookupError), NotFound.__mro__)
raise NotFound("k", where="cache")
