def check(code):
    if code != 0:
        raise ValueError(code, "operation failed")
    return "ok"
print(check(0))
print(check(2))
