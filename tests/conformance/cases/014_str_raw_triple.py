r1 = r"C:\new\table"
print(r1, len(r1))
print(r"\n", len(r"\n"), r"\x41", repr(r"\d+"))
r2 = R'raw\tsingle'
print(r2)
t = """first line
second line
    indented third"""
print(t)
print(len(t.splitlines()))
u = '''single 'quoted' "triple"'''
print(u)
v = """with "quotes" and 'apostrophes' inside"""
print(v)
w = """\
no leading newline
"""
print(repr(w))
x = """a\tb\\c"""
print(x, repr(x))
y = ("implicit "
     "concatenation "
     'across lines')
print(y)
z = r"raw " "and " "\tcooked"
print(repr(z))
doc = """
    Indented block
      more
"""
for line in doc.split("\n"):
    print("[" + line + "]")
