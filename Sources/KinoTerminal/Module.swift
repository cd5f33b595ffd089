// KinoTerminal module
