// KinoTUI module
