def greeting(name: str) -> str:
    """Says hello to name, or to the world when there is no name."""
    name = (name or "").strip()
    return f"hello, {name or 'world'}"
