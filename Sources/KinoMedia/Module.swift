// KinoMedia module
