// KinoKit module
