stock = {}
log = []
def add(item, qty):
    if qty <= 0:
        raise ValueError("qty must be positive: " + str(qty))
    stock[item] = stock.get(item, 0) + qty
    log.append(("add", item, qty))
def take(item, qty):
    if item not in stock:
        raise KeyError(item)
    if stock[item] < qty:
        raise RuntimeError(f"insufficient {item}: have {stock[item]}, need {qty}")
    stock[item] -= qty
    if stock[item] == 0:
        del stock[item]
    log.append(("take", item, qty))
ops = [("add", "bolt", 10), ("add", "nut", 5), ("take", "bolt", 3), ("take", "nut", 9),
       ("take", "gear", 1), ("add", "gear", 0), ("take", "nut", 5), ("add", "bolt", 1)]
for op, item, qty in ops:
    try:
        if op == "add":
            add(item, qty)
        else:
            take(item, qty)
        print(f"{op:4} {item:5} {qty:3} -> ok {stock}")
    except KeyError as e:
        print(f"{op:4} {item:5} {qty:3} -> missing {e}")
    except (ValueError, RuntimeError) as e:
        print(f"{op:4} {item:5} {qty:3} -> {type(e).__name__}: {e}")
print(log)
print(len(log), sum(q for o, _, q in log if o == "add"), sum(q for o, _, q in log if o == "take"))
