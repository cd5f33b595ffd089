/// Deriving a character's stored look from its description text.
///
/// Words the description uses are honoured (skin tone, hair colour and style, clothes
/// colours, height, build); every aspect it leaves open is filled deterministically from a
/// hash of the description and the seed, so the same description and seed always give the
/// same Appearance, and different descriptions give clearly different ones.
extension Appearance {
    /// The appearance a description asks for; unspecified aspects come from a generator
    /// seeded by a hash of the (lower-cased) description and `seed`.
    public static func derive(fromDescription description: String, seed: UInt64) -> Appearance {
        DescribedLook(description).appearance(seed: seed)
    }

    /// How different two appearances look: the largest of the colour differences (ΔE76 of
    /// skin, hair, top, bottom), the height difference in centimetres, 20 for a different
    /// hair style and 15 for a different build. Below 10 two characters are easy to confuse;
    /// derived appearances of different descriptions differ by at least 20.
    public func difference(from other: Appearance) -> Double {
        var d = [skin.deltaE(other.skin), hair.deltaE(other.hair), top.deltaE(other.top),
                 bottom.deltaE(other.bottom), abs(height - other.height) * 100].max()!
        if hairStyle != other.hairStyle { d = max(d, 20) }
        if build != other.build { d = max(d, 15) }
        return d
    }
}

/// What a description says explicitly; nil where it says nothing.
struct DescribedLook: Hashable {
    enum Figure { case woman, man, child }
    var skin: RGB?
    var hair: RGB?
    var top: RGB?
    var bottom: RGB?
    var height: Double?
    var build: Build?
    var hairStyle: HairStyle?
    var figure: Figure?
    /// The hash that seeds the filling of unspecified aspects.
    var textHash: UInt64

    static let skinTones: [String: RGB] = [
        "pale": RGB(245, 222, 205), "fair": RGB(238, 204, 178), "light": RGB(230, 190, 160),
        "medium": RGB(205, 160, 120), "olive": RGB(190, 150, 105), "tan": RGB(180, 130, 90),
        "tanned": RGB(180, 130, 90), "brown": RGB(140, 95, 65), "dark": RGB(100, 65, 45),
        "deep": RGB(80, 50, 35), "black": RGB(70, 45, 30),
    ]
    static let skinNouns: Set<String> = ["skin", "skinned", "complexion"]
    static let hairNouns: Set<String> = ["hair", "haired"]
    static let styleWords: [String: HairStyle] = [
        "long": .long, "short": .short, "curly": .curly, "curls": .curly, "bun": .bun, "ponytail": .bun,
        "bald": .bald, "shaved": .bald, "cropped": .short, "wavy": .long,
    ]
    static let topGarments: Set<String> = ["coat", "jacket", "shirt", "t", "top", "sweater", "jumper", "hoodie",
                                           "blouse", "raincoat", "cardigan", "vest", "blazer", "parka", "tshirt"]
    static let bottomGarments: Set<String> = ["jeans", "trousers", "pants", "skirt", "shorts", "leggings", "chinos"]
    static let wholeGarments: Set<String> = ["dress", "suit", "uniform", "jumpsuit", "overalls", "outfit", "robe"]
    static let denim = RGB(55, 75, 120)
    static let figures: [String: Figure] = [
        "woman": .woman, "lady": .woman, "female": .woman, "she": .woman, "her": .woman,
        "man": .man, "guy": .man, "male": .man, "he": .man, "his": .man, "gentleman": .man,
        "child": .child, "kid": .child, "boy": .child, "girl": .child, "toddler": .child,
    ]
    static let builds: [String: Build] = [
        "slim": .slim, "thin": .slim, "slender": .slim, "skinny": .slim, "lean": .slim, "wiry": .slim,
        "broad": .broad, "stocky": .broad, "muscular": .broad, "heavy": .broad, "heavyset": .broad,
        "burly": .broad, "bulky": .broad, "large": .broad, "big": .broad,
    ]

    /// Lower-cased words; anything not a letter or digit separates words, apostrophes are dropped.
    static func words(_ text: String) -> [String] {
        var out: [String] = [], current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) }
            else if ch == "'" || ch == "\u{2019}" { continue }
            else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    init(_ description: String) {
        let w = DescribedLook.words(description)
        textHash = fnv1a(w.joined(separator: " "))
        var consumed = Set<Int>()
        func word(_ i: Int) -> String? { i >= 0 && i < w.count ? w[i] : nil }

        // Hair: "[shade] [style…] [colour] [style…] hair".
        for (h, token) in w.enumerated() where DescribedLook.hairNouns.contains(token) {
            var i = h - 1
            var colour: RGB?
            var shade: Bool?
            while let t = word(i), i >= h - 4 {
                if let s = DescribedLook.styleWords[t] { if hairStyle == nil { hairStyle = s } }
                else if colour == nil, let c = RGB.hairColour(named: t) { colour = c }
                else if t == "dark" || t == "light" { shade = t == "dark" }
                else if t == "and" { } else { break }
                consumed.insert(i); i -= 1
            }
            if let c = colour { hair = hair ?? (shade == nil ? c : (shade! ? c.darkened : c.lightened)) }
            else if let s = shade { hair = hair ?? (s ? RGB.darkHair : RGB.blondeHair) }
        }
        for (i, t) in w.enumerated() where !consumed.contains(i) {
            // Hair-only words: "blonde", "a redhead".
            if ["blonde", "blond", "brunette", "redhead", "ginger", "auburn"].contains(t) {
                hair = hair ?? RGB.hairColours[t]; consumed.insert(i); continue
            }
            if t == "bald" || t == "ponytail" || t == "bun" || t == "curly" || (t == "shaved" && word(i + 1) == "head") {
                hairStyle = hairStyle ?? DescribedLook.styleWords[t]; consumed.insert(i); continue
            }
            // Skin: "olive skin", "dark-skinned", "fair complexion", "tanned".
            if let tone = DescribedLook.skinTones[t], let n = word(i + 1), DescribedLook.skinNouns.contains(n) {
                skin = skin ?? tone; consumed.formUnion([i, i + 1]); continue
            }
            if t == "tanned" || t == "freckled" {
                skin = skin ?? (t == "tanned" ? DescribedLook.skinTones["tanned"] : DescribedLook.skinTones["fair"])
                consumed.insert(i); continue
            }
        }
        for (i, t) in w.enumerated() where !consumed.contains(i) {
            // Clothes: "[dark|light] COLOUR [one word] GARMENT" ("red leather jacket").
            let isTop = DescribedLook.topGarments.contains(t), isBottom = DescribedLook.bottomGarments.contains(t)
            let isWhole = DescribedLook.wholeGarments.contains(t)
            if isTop || isBottom || isWhole {
                var colour: RGB?
                for back in 1...2 {
                    guard let c = word(i - back), !consumed.contains(i - back), let rgb = RGB.named(c) else { continue }
                    let shade = word(i - back - 1)
                    colour = shade == "dark" ? rgb.darkened : shade == "light" || shade == "pale" ? rgb.lightened : rgb
                    break
                }
                // Jeans are denim unless another colour is named.
                if t == "jeans" && (colour == nil || colour == RGB.named("blue")) {
                    let shade = colour == nil ? word(i - 1) : word(i - 2)
                    colour = shade == "dark" ? DescribedLook.denim.darkened
                        : shade == "light" || shade == "pale" ? DescribedLook.denim.lightened : DescribedLook.denim
                }
                if let c = colour {
                    if isTop || isWhole { top = top ?? c }
                    if isBottom || isWhole { bottom = bottom ?? c }
                }
                continue
            }
            if let f = DescribedLook.figures[t] { figure = figure ?? f }
            if let b = DescribedLook.builds[t] { build = build ?? b }
            if (t == "average" || t == "medium") && (word(i + 1) == "build" || word(i + 1) == "frame") { build = build ?? .average }
            if (t == "average" || t == "medium") && word(i + 1) == "height" { height = height ?? 1.72 }
            if t == "tall" { height = height ?? (word(i - 1) == "very" ? 1.95 : 1.88) }
            if t == "short" || t == "petite" { height = height ?? (word(i - 1) == "very" ? 1.50 : 1.58) }
        }
        if figure == .child, height == nil { height = 1.2 }
    }

    static let skinFill: [RGB] = [RGB(245, 222, 205), RGB(238, 204, 178), RGB(224, 182, 150), RGB(205, 160, 120),
                                  RGB(190, 150, 105), RGB(160, 110, 75), RGB(120, 80, 55), RGB(85, 55, 38)]
    static let hairFill: [RGB] = [RGB(25, 20, 20), RGB(60, 40, 28), RGB(90, 55, 35), RGB(140, 95, 55),
                                  RGB(225, 195, 125), RGB(170, 70, 35), RGB(150, 150, 150), RGB(200, 170, 110)]
    /// Sixteen clothes colours at least ΔE 20 apart from one another.
    static let topFill: [RGB] = [RGB(200, 30, 35), RGB(240, 130, 30), RGB(235, 205, 50), RGB(40, 150, 60),
                                 RGB(35, 75, 200), RGB(20, 30, 80), RGB(0, 128, 128), RGB(120, 50, 160),
                                 RGB(240, 140, 180), RGB(110, 70, 40), RGB(20, 20, 20), RGB(240, 240, 240),
                                 RGB(128, 128, 128), RGB(120, 20, 35), RGB(110, 130, 40), RGB(100, 180, 230)]
    static let bottomFill: [RGB] = [denim, RGB(25, 25, 30), RGB(90, 90, 95), RGB(190, 175, 125),
                                    RGB(95, 65, 45), RGB(25, 35, 70), RGB(70, 85, 50), RGB(220, 215, 200)]

    /// Fills the unspecified aspects. All draws happen in a fixed order whatever the text
    /// says, so naming one aspect never changes how another is filled.
    func appearance(seed: UInt64) -> Appearance {
        var rng = SplitMix64(seed: textHash ^ (seed &* 0x9E37_79B9_7F4A_7C15) ^ 0x4B49_4E4F)
        let skinPick = DescribedLook.skinFill[rng.below(DescribedLook.skinFill.count)]
        let hairPick = DescribedLook.hairFill[rng.below(DescribedLook.hairFill.count)]
        let topPick = DescribedLook.topFill[rng.below(DescribedLook.topFill.count)]
        let bottomPick = DescribedLook.bottomFill[rng.below(DescribedLook.bottomFill.count)]
        let u = rng.unit()
        let heightPick: Double
        switch figure {
        case .woman: heightPick = 1.58 + 0.17 * u
        case .man: heightPick = 1.70 + 0.20 * u
        case .child: heightPick = 1.05 + 0.30 * u
        case nil: heightPick = 1.60 + 0.28 * u
        }
        let b = rng.unit()
        let buildPick: Build = b < 0.35 ? .slim : b < 0.8 ? .average : .broad
        let s = rng.unit()
        let stylePick: HairStyle
        switch figure {
        case .woman: stylePick = s < 0.45 ? .long : s < 0.65 ? .bun : s < 0.8 ? .curly : .short
        case .man: stylePick = s < 0.6 ? .short : s < 0.75 ? .curly : s < 0.85 ? .bald : .long
        case .child, nil: stylePick = [HairStyle.short, .long, .curly, .bun][min(3, Int(s * 4))]
        }
        let faceSeed = rng.next()
        return Appearance(skin: skin ?? skinPick, hair: hair ?? hairPick, top: top ?? topPick,
                          bottom: bottom ?? bottomPick, height: height ?? heightPick, build: build ?? buildPick,
                          hairStyle: hairStyle ?? stylePick, faceSeed: faceSeed)
    }
}

/// FNV-1a over the UTF-8 bytes: a stable hash (Swift's Hasher is randomised per process).
func fnv1a(_ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return h
}

/// A small, fast, seeded generator (SplitMix64) so derivation never depends on a global.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Uniform in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
