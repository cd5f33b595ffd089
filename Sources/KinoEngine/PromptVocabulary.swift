import KinoCore

/// The words and phrases the prompt interpreter understands, as data: one table drives the
/// interpreter, its tests and the tables in Docs/Engine.md, so they cannot disagree.
public enum PromptVocabulary {
    /// What one word or phrase does to the scene.
    public enum Effect: Hashable, Sendable {
        /// Sets the place. `.street` becomes `.cityNight` at night or with neon signs.
        case environment(SceneSpec.Environment)
        case neonSigns
        case timeOfDay(TimeOfDay)
        case weather(Weather)
        /// Background pedestrians, 0 (empty) … 1 (packed).
        case crowd(Double)
        case subject(SceneSpec.SubjectKind)
        case action(SceneSpec.Action)
        case camera(SceneSpec.CameraMove)
        case shotSize(SceneSpec.ShotSize)
        case angle(SceneSpec.CameraAngle)
        /// A colour word; it colours the hair, garment or object it is attached to.
        case colour(RGB)
        /// "dark" or "light"/"pale" before a colour or before "hair".
        case shade(dark: Bool)
        /// A word that is itself a hair colour ("blonde", "redhead").
        case hairColour(RGB)
        /// "hair", "haired": the colour before it is a hair colour.
        case hair
        /// A piece of clothing; the colour before it is the clothes colour. `top` garments win
        /// over trousers and skirts when both are coloured.
        case garment(top: Bool)
        /// A number before a subject: that many of it ("two women", "a couple of cars").
        case count(Int)
    }

    /// One row of the vocabulary: the phrase (lower case, words separated by single spaces,
    /// singular) and what it does.
    public struct Entry: Hashable, Sendable {
        public var phrase: String
        public var effects: [Effect]
        public init(_ phrase: String, _ effects: [Effect]) { self.phrase = phrase; self.effects = effects }
    }

    /// The colour table (sRGB), shared with Appearance derivation: `RGB.namedColours`.
    public static var colours: [(name: String, rgb: RGB)] { RGB.namedColours }
    /// "dark hair" and "light hair" (no colour named).
    public static let darkHair = RGB.darkHair
    public static let lightHair = RGB.blondeHair

    /// Words that carry no meaning for the scene; they are skipped silently (neither
    /// understood nor reported as ignored). "camera" and "shot" are here too: alone they
    /// say nothing; in a phrase ("camera following", "wide shot") they are read.
    public static let functionWords: Set<String> = [
        "a", "an", "the", "and", "or", "with", "without", "in", "on", "of", "at", "to", "from", "into",
        "onto", "by", "for", "as", "is", "are", "was", "were", "be", "being", "been", "while", "then",
        "her", "his", "their", "its", "my", "your", "our", "this", "that", "these", "those", "it",
        "she", "he", "they", "them", "him", "who", "which", "where", "when", "very", "some", "through",
        "along", "across", "over", "under", "near", "around", "down", "up", "out", "off", "behind",
        "toward", "towards", "past", "between", "there", "here", "just", "also", "s",
        "camera", "shot", "wearing", "wears", "dressed", "has", "have", "having",
    ]

    /// Words that may stand between the words of a phrase without breaking it:
    /// "using her phone" reads as "using phone", "camera following her from behind" as
    /// "camera following from behind".
    public static let fillerWords: Set<String> = [
        "a", "an", "the", "her", "his", "their", "its", "my", "your", "our", "some", "him", "them",
    ]

    /// Words after which a colour or garment describes the subject before it
    /// ("a woman *with* red hair *in* a blue coat").
    static let attributeIntroducers: Set<String> = ["with", "in", "wearing", "wears", "dressed", "has"]

    /// Irregular plurals and other word forms mapped to the vocabulary's form.
    static let irregular: [String: String] = [
        "women": "woman", "men": "man", "children": "child", "kids": "kid", "ladies": "lady",
        "gentlemen": "gentleman", "closeup": "close up", "handheld": "hand held", "nighttime": "night",
        "tshirt": "t shirt", "cellphone": "cell phone",
    ]

    /// The whole table, in the order the documentation lists it.
    public static let entries: [Entry] = places + settings + subjects + counts + actions + cameraMoves + framing + descriptions

    /// Most subjects one mention makes ("six cars").
    public static let maximumCount = 6

    static let counts: [Entry] = {
        var e: [Entry] = []
        for (n, words) in [(1, ["one", "single"]), (2, ["two", "2", "couple", "pair"]), (3, ["three", "3", "several", "few"]),
                           (4, ["four", "4"]), (5, ["five", "5"]), (6, ["six", "6"])] {
            for w in words { e.append(Entry(w, [.count(n)])) }
        }
        return e
    }()

    static let places: [Entry] = {
        var e: [Entry] = []
        func add(_ env: SceneSpec.Environment, _ phrases: [String], _ more: [Effect] = []) {
            for p in phrases { e.append(Entry(p, [.environment(env)] + more)) }
        }
        add(.street, ["street", "city street", "city", "downtown", "road", "sidewalk", "pavement", "avenue",
                      "alley", "crosswalk", "boulevard"])
        add(.street, ["daytime street", "day street"], [.timeOfDay(.noon)])
        add(.street, ["night street", "night city", "city at night"], [.timeOfDay(.night)])
        add(.cityNight, ["neon street", "neon city", "neon lit street"], [.neonSigns])
        add(.livingRoom, ["living room", "lounge", "sitting room", "family room", "sofa", "couch", "fireplace"])
        add(.kitchen, ["kitchen", "kitchen counter", "countertop", "stove"])
        add(.office, ["office", "desk", "workplace", "cubicle", "meeting room", "conference room"])
        add(.studio, ["studio", "white studio", "white surface", "white studio surface", "white background",
                      "white backdrop", "tabletop", "table top", "white table", "white tabletop",
                      "white studio tabletop", "product shot", "plinth", "turntable", "seamless backdrop"])
        add(.park, ["park", "city park", "garden", "lawn", "grass", "meadow", "tree"])
        for p in ["neon", "neon sign", "neon light", "neon lit", "neon glow"] { e.append(Entry(p, [.neonSigns])) }
        return e
    }()

    static let settings: [Entry] = {
        var e: [Entry] = []
        func add(_ effect: Effect, _ phrases: [String]) { for p in phrases { e.append(Entry(p, [effect])) } }
        add(.timeOfDay(.night), ["night", "at night", "night time", "midnight"])
        add(.timeOfDay(.sunset), ["sunset", "dusk", "sundown", "golden hour", "twilight", "evening", "evening light"])
        add(.timeOfDay(.morning), ["morning", "early morning", "dawn", "sunrise", "morning light", "soft morning light"])
        add(.timeOfDay(.noon), ["noon", "midday", "daytime", "day", "daylight", "broad daylight", "daylight scene"])
        add(.timeOfDay(.afternoon), ["afternoon"])
        add(.weather(.rain), ["rain", "rainy", "raining", "rainfall", "drizzle", "downpour", "storm", "stormy", "wet"])
        add(.weather(.fog), ["fog", "foggy", "mist", "misty", "haze", "hazy"])
        add(.weather(.clear), ["clear", "clear sky", "sunny"])
        add(.crowd(1.0), ["crowded", "packed"])
        add(.crowd(0.9), ["bustling"])
        add(.crowd(0.8), ["busy", "crowd"])
        add(.crowd(0.5), ["people", "pedestrian", "passerby", "passersby"])
        add(.crowd(0.15), ["quiet", "sparse"])
        add(.crowd(0.0), ["empty", "deserted"])
        return e
    }()

    static let subjects: [Entry] = {
        var e: [Entry] = []
        func add(_ kind: SceneSpec.SubjectKind, _ phrases: [String]) {
            for p in phrases { e.append(Entry(p, [.subject(kind)])) }
        }
        add(.woman, ["woman", "lady", "young woman", "businesswoman"])
        add(.man, ["man", "guy", "gentleman", "young man", "businessman"])
        add(.child, ["child", "kid", "boy", "girl", "toddler"])
        add(.smartphone, ["smartphone", "phone", "mobile phone", "cell phone", "iphone", "mobile"])
        add(.productBox, ["product box", "box", "product", "package", "packaging", "carton", "gift box"])
        add(.bottle, ["bottle", "water bottle", "perfume bottle", "wine bottle", "flask"])
        add(.watch, ["watch", "wristwatch", "wrist watch", "smartwatch", "smart watch"])
        add(.sneakers, ["sneakers", "trainers", "running shoes", "shoes"])
        add(.laptop, ["laptop", "notebook computer", "macbook", "computer"])
        add(.mug, ["mug", "coffee mug", "cup", "coffee cup", "tea cup"])
        add(.car, ["car", "vehicle", "taxi", "cab", "sedan", "suv"])
        return e
    }()

    static let actions: [Entry] = {
        var e: [Entry] = []
        func add(_ a: SceneSpec.Action, _ phrases: [String]) { for p in phrases { e.append(Entry(p, [.action(a)])) } }
        add(.walking, ["walking", "walk", "walks", "strolling", "strolls", "stroll", "wandering",
                       "driving", "drives", "drive", "moving", "moves"])
        add(.running, ["running", "run", "runs", "jogging", "jogs", "sprinting", "sprints", "speeding", "racing"])
        add(.standing, ["standing", "stand", "stands", "standing still", "waiting", "posing"])
        add(.turning, ["turning", "turn", "turns", "turning around", "turns around", "looking back"])
        add(.rotating, ["rotating", "rotate", "rotates", "spinning", "spin", "spins", "revolving",
                        "rotating 360 degree", "rotates 360 degree", "spinning 360 degree", "spins 360 degree",
                        "turning 360 degree", "360 degree", "360 degree turn", "360 degree rotation", "360"])
        add(.waving, ["waving", "wave", "waves", "waving hello"])
        add(.sitting, ["sitting", "sit", "sits", "seated", "sitting down"])
        var phone: [String] = ["texting", "texts", "scrolling", "on phone", "on phone call", "talking on phone"]
        for verb in ["using", "uses", "use", "checking", "checks", "holding", "holds", "looking at", "looks at"] {
            for noun in ["phone", "smartphone", "mobile phone", "cell phone", "mobile"] { phone.append("\(verb) \(noun)") }
        }
        add(.usingPhone, phone)
        add(.opening, ["opening", "open", "opens", "reveal", "reveals", "revealing", "unboxing", "lid opening",
                       "lid opens", "lid lifts", "lid lifting", "unveil", "unveiling"])
        add(.slidingIn, ["sliding in", "slides in", "slide in", "sliding into frame", "slides into frame"])
        add(.lifting, ["lifting", "lifts", "lift", "rising", "rises", "floating", "floats", "levitating", "hovering"])
        return e
    }()

    static let cameraMoves: [Entry] = {
        var e: [Entry] = []
        func add(_ m: SceneSpec.CameraMove, _ phrases: [String]) { for p in phrases { e.append(Entry(p, [.camera(m)])) } }
        add(.followBehind, ["camera following from behind", "following from behind", "follows from behind",
                            "follow from behind", "tracking from behind", "tracks from behind", "track from behind",
                            "camera following", "camera follows", "camera tracking", "camera tracks",
                            "tracking shot", "follow shot", "following shot", "from behind"])
        var orbit = ["orbit", "orbits", "orbiting", "orbit shot", "circling", "arc shot", "camera rotating",
                     "camera rotates", "camera circles", "camera circling", "camera spinning", "360 orbit",
                     "360 degree orbit"]
        for w in ["orbit", "orbits", "orbiting", "circling", "camera rotating", "camera rotates", "camera circles"] {
            orbit += ["\(w) 360", "\(w) 360 degree"]
        }
        add(.orbit, orbit)
        add(.crane, ["crane", "crane shot", "crane up", "cranes up", "craning up", "boom up", "jib", "jib shot", "rising camera"])
        add(.pushIn, ["push in", "pushes in", "pushing in", "dolly in", "dollies in", "dollying in",
                      "zoom in", "zooms in", "zooming in"])
        add(.pullOut, ["pull out", "pulls out", "pulling out", "pull back", "pulls back", "pulling back",
                       "dolly out", "dolly back", "zoom out", "zooms out", "zooming out"])
        add(.panLeft, ["pan left", "pans left", "panning left"])
        add(.panRight, ["pan right", "pans right", "panning right", "pan", "pans", "panning"])
        add(.still, ["static", "static shot", "static camera", "locked off", "locked off shot", "fixed camera",
                     "still camera", "tripod"])
        add(.handheld, ["hand held", "shaky cam", "shaky camera", "shaky"])
        return e
    }()

    static let framing: [Entry] = {
        var e: [Entry] = []
        func size(_ s: SceneSpec.ShotSize, _ phrases: [String]) { for p in phrases { e.append(Entry(p, [.shotSize(s)])) } }
        func angle(_ a: SceneSpec.CameraAngle, _ phrases: [String]) { for p in phrases { e.append(Entry(p, [.angle(a)])) } }
        size(.extremeCloseUp, ["extreme close up", "ecu", "macro", "macro shot", "detail shot", "detail", "insert shot"])
        size(.closeUp, ["close up", "close shot", "tight shot", "tight", "fills frame", "fills the frame", "hero shot"])
        size(.medium, ["medium shot", "mid shot", "waist shot", "medium close up"])
        size(.mediumWide, ["medium wide", "medium wide shot", "medium long shot", "cowboy shot", "three quarter shot"])
        size(.wide, ["wide shot", "wide angle", "wide", "long shot", "full shot", "full body"])
        size(.establishing, ["establishing shot", "establishing", "extreme wide shot", "extreme long shot", "very wide"])
        angle(.eyeLevel, ["eye level", "eye level shot", "straight on"])
        angle(.low, ["low angle", "low angle shot", "from below", "low shot", "worm eye view"])
        angle(.high, ["high angle", "high angle shot", "from above", "high shot", "looking down"])
        angle(.birdsEye, ["bird eye view", "bird eye", "birds eye view", "birds eye", "overhead", "overhead shot", "top down", "top shot"])
        angle(.overTheShoulder, ["over shoulder", "over shoulder shot", "ots"])
        angle(.dutch, ["dutch angle", "dutch tilt", "dutch", "canted angle", "tilted camera"])
        return e
    }()

    static let descriptions: [Entry] = {
        var e: [Entry] = colours.map { Entry($0.name, [.colour($0.rgb)]) }
        e.append(Entry("dark", [.shade(dark: true)]))
        e.append(Entry("light", [.shade(dark: false)]))
        e.append(Entry("pale", [.shade(dark: false)]))
        for w in ["blonde", "blond", "brunette", "redhead", "ginger", "auburn"] {
            e.append(Entry(w, [.hairColour(RGB.hairColours[w]!)]))
        }
        e.append(Entry("hair", [.hair]))
        e.append(Entry("haired", [.hair]))
        for g in ["coat", "jacket", "dress", "shirt", "t shirt", "top", "sweater", "jumper", "hoodie", "suit",
                  "blouse", "raincoat", "uniform", "outfit", "clothes", "clothing", "scarf", "hat", "cardigan", "vest"] {
            e.append(Entry(g, [.garment(top: true)]))
        }
        for g in ["jeans", "trousers", "pants", "skirt", "shorts", "leggings"] {
            e.append(Entry(g, [.garment(top: false)]))
        }
        return e
    }()
}
