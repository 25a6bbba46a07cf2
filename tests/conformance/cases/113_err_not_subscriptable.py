def get_first(seq):
    return seq[0]
print(get_first([9, 8]), get_first("xy"), get_first((7,)))
value = 12345
print(get_first(value))
