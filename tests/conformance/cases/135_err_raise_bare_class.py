def pop_all(stack):
    out = []
    while True:
        if not stack:
            raise IndexError
        out.append(stack.pop())
        print("popped", out[-1])
pop_all([1, 2, 3])
