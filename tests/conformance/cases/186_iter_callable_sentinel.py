# iter(callable, sentinel) calls lazily: one call per item, stops at the sentinel.
calls = []


def make_reader(chunks):
    def read():
        calls.append(len(calls))
        return chunks.pop(0) if chunks else ""
    return read


reader = make_reader(["ab", "cd", "", "never"])
for chunk in iter(reader, ""):
    print("chunk", chunk, "after", len(calls), "calls")
print("calls", len(calls))

counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


it = iter(tick, 4)
print(next(it), next(it))
print(list(it), next(it, "done"), counter[0])
print(list(iter(tick, 7)))
