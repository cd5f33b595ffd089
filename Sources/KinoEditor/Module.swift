// KinoEditor module
