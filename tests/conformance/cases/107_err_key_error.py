config = {"host": "localhost", "port": 8080}
print(config["host"], config["port"])
print(config.get("k", "no k via get"))
for key in ["host", "port", "k"]:
    print(key, "=", config[key])
