print("kino")
