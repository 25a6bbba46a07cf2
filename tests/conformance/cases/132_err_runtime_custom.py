state = {"running": True, "ticks": 0}
while state["running"]:
    state["ticks"] += 1
    print("tick", state["ticks"])
    if state["ticks"] >= 3:
        raise RuntimeError(f"watchdog fired after {state['ticks']} ticks")
