/// Colour names people write in prompts and character descriptions, shared by the prompt
/// interpreter and Appearance derivation so "red" is the same red everywhere.
extension RGB {
    /// The colour table (sRGB), in the order the documentation lists it.
    public static let namedColours: [(name: String, rgb: RGB)] = [
        ("red", RGB(200, 30, 35)), ("orange", RGB(240, 130, 30)), ("yellow", RGB(240, 210, 40)),
        ("green", RGB(40, 150, 60)), ("blue", RGB(35, 75, 200)), ("navy", RGB(20, 30, 80)),
        ("teal", RGB(0, 128, 128)), ("cyan", RGB(0, 200, 220)), ("turquoise", RGB(64, 200, 190)),
        ("purple", RGB(120, 50, 160)), ("violet", RGB(140, 90, 200)), ("magenta", RGB(210, 40, 160)),
        ("pink", RGB(240, 140, 180)), ("brown", RGB(110, 70, 40)), ("tan", RGB(200, 160, 110)),
        ("beige", RGB(225, 205, 165)), ("cream", RGB(245, 235, 210)), ("black", RGB(20, 20, 20)),
        ("white", RGB(240, 240, 240)), ("grey", RGB(128, 128, 128)), ("gray", RGB(128, 128, 128)),
        ("silver", RGB(190, 190, 195)), ("gold", RGB(212, 170, 50)), ("golden", RGB(212, 170, 50)),
        ("maroon", RGB(120, 20, 35)), ("olive", RGB(110, 110, 40)), ("khaki", RGB(190, 175, 125)),
    ]

    /// Natural hair tones for the colour words people use for hair ("red hair" is ginger,
    /// not paint red), plus the hair-only words. Colours not listed keep their table value.
    public static let hairColours: [String: RGB] = [
        "red": RGB(170, 70, 35), "brown": RGB(90, 55, 35), "black": RGB(25, 20, 20),
        "grey": RGB(150, 150, 150), "gray": RGB(150, 150, 150), "white": RGB(230, 230, 225),
        "yellow": blondeHair, "gold": blondeHair, "golden": blondeHair,
        "blonde": blondeHair, "blond": blondeHair, "brunette": RGB(90, 55, 35),
        "redhead": RGB(170, 70, 35), "ginger": RGB(170, 70, 35), "auburn": RGB(125, 45, 30),
    ]
    public static let blondeHair = RGB(225, 195, 125)
    public static let darkHair = RGB(40, 28, 22)

    /// The table colour called `name` (lower case), or nil.
    public static func named(_ name: String) -> RGB? { namedColours.first { $0.name == name }?.rgb }

    /// `name` as a hair colour: the natural tone when there is one, else the table colour.
    public static func hairColour(named name: String) -> RGB? { hairColours[name] ?? named(name) }

    /// "dark blue": each channel x 0.55, rounded.
    public var darkened: RGB {
        func f(_ v: UInt8) -> UInt8 { UInt8((Int(v) * 55 + 50) / 100) }
        return RGB(f(r), f(g), f(b))
    }

    /// "light blue": halfway to white, (c + 256) / 2 rounded down.
    public var lightened: RGB {
        func f(_ v: UInt8) -> UInt8 { UInt8((Int(v) + 256) / 2) }
        return RGB(f(r), f(g), f(b))
    }
}
