inventory = {
    "fruits": [{"name": "apple", "qty": 5, "price": 0.5}, {"name": "pear", "qty": 0, "price": 0.75}],
    "veg": [{"name": "carrot", "qty": 12, "price": 0.1}],
    "dairy": [],
}
for cat in inventory:
    items = inventory[cat]
    total = sum(i["qty"] * i["price"] for i in items)
    names = [i["name"] for i in items if i["qty"] > 0]
    print(f"{cat:8} items={len(items)} in_stock={names} value={total:.2f}")
inventory["dairy"].append({"name": "milk", "qty": 3, "price": 1.2})
inventory["fruits"][1]["qty"] += 10
print(inventory["fruits"][1], len(inventory["dairy"]))
all_items = [i for items in inventory.values() for i in items]
print(sorted(i["name"] for i in all_items))
cheapest = min(all_items, key=lambda i: i["price"])
print(cheapest["name"], cheapest)
by_price = sorted(all_items, key=lambda i: (-i["price"], i["name"]))
print([(i["name"], i["price"]) for i in by_price])
tree = {"v": 1, "kids": [{"v": 2, "kids": []}, {"v": 3, "kids": [{"v": 4, "kids": []}]}]}
def tree_sum(n):
    return n["v"] + sum(tree_sum(k) for k in n["kids"])
def tree_depth(n):
    return 1 + max([tree_depth(k) for k in n["kids"]], default=0)
def tree_paths(n, prefix):
    p = prefix + [n["v"]]
    if not n["kids"]:
        return [p]
    out = []
    for k in n["kids"]:
        out.extend(tree_paths(k, p))
    return out
print(tree_sum(tree), tree_depth(tree), tree_paths(tree, []))
print(tree)
