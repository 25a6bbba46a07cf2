def make_parser(sep):
    def parse(line):
        left, right = line.split(sep)
        return int(left) + int(right)
    return parse
p = make_parser("+")
print(p("1+2"), p("10+20"))
print(p("1+2+3"))
