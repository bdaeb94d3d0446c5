from greeting import greeting


def test_greeting():
    assert greeting("") == "hello, world"
    assert greeting("  ada ") == "hello, ada"
