def connect(host, port=80):
    return host + ":" + str(port)
print(connect("a"))
print(connect("b", port=8080))
print(connect(host="c", port=1))
print(connect("d", timeout=5))
