def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x * 2
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), e.args, str(e) == "")
assert True
assert [1], "non-empty list is truthy"
assert "a" in "abc"
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args[0], type(e.args[0]).__name__)
count = 0
for v in [1, 2, 0, 3]:
    try:
        assert v, f"value {v} is falsy"
        count += 1
    except AssertionError as e:
        print(e)
print("passed", count)
