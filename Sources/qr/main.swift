print("qr")
