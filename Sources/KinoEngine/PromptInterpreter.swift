import KinoCore

/// Reads a shot's prompt (and its scene's environment text) into a SceneSpec: the place,
/// the subjects with their colours and actions, time of day, weather, crowd and camera
/// phrases, plus a report of the words it understood and the ones it did not.
///
/// Pure and deterministic: the same text and characters always give the same SceneSpec.
/// The vocabulary is the table in `PromptVocabulary`, documented in Docs/Engine.md.
public enum PromptInterpreter {
    /// Interprets a resolved shot: its prompt, the characters it casts, its effective lighting
    /// and its scene's environment. Cast characters that the prompt does not name are bound
    /// to the prompt's unnamed people ("a woman walking" with Mia cast is Mia walking), or
    /// added as extra subjects; a cast member's blocking text may set its action.
    public static func interpret(_ spec: ShotSpec) -> SceneSpec {
        var scene = interpret(prompt: spec.shot.prompt, characters: spec.characters,
                              sceneEnvironment: spec.sceneEnvironment, lighting: spec.lighting)
        castCharacters(spec, into: &scene)
        return scene
    }

    /// Interprets prompt text. `characters` are the project characters the prompt may name
    /// (matched case-insensitively, multiword names included); `sceneEnvironment` is read for
    /// the setting only (place, time, weather, crowd, neon); `lighting` fills the time of day
    /// and weather when neither text gives them.
    public static func interpret(prompt: String, characters: [Character], sceneEnvironment: String,
                                 lighting: LightingSetup?) -> SceneSpec {
        let lexicon = Lexicon(characters: characters)
        let promptReading = Reading(items: lexicon.match(lexicon.tokenize(prompt)))
        let environmentReading = Reading(items: lexicon.match(lexicon.tokenize(sceneEnvironment)),
                                         settingOnly: true)

        let timeOfDay = promptReading.timeOfDay ?? environmentReading.timeOfDay ?? lighting?.timeOfDay
        let weather = promptReading.weather ?? environmentReading.weather ?? lighting?.weather
        let neon = promptReading.neonSigns || environmentReading.neonSigns
        var environment = promptReading.environment ?? environmentReading.environment
            ?? (neon ? .cityNight : .neutral)
        if environment == .street && (neon || timeOfDay == .night) { environment = .cityNight }
        let crowd = promptReading.crowd ?? environmentReading.crowd ?? defaultCrowd(environment)

        var understood: [String] = []
        var ignored: [String] = []
        for word in promptReading.understood + environmentReading.understood where !understood.contains(word) {
            understood.append(word)
        }
        for word in promptReading.ignored + environmentReading.ignored
        where !ignored.contains(word) && !understood.contains(word) {
            ignored.append(word)
        }
        return SceneSpec(environment: environment, subjects: promptReading.subjects, timeOfDay: timeOfDay,
                         weather: weather, cameraMoves: promptReading.cameraMoves, shotSize: promptReading.shotSize,
                         angle: promptReading.angle, crowdDensity: crowd,
                         neonSigns: neon, report: PromptReport(understood: understood, ignored: ignored))
    }

    /// Background crowd when the text names none: some passers-by outdoors in town, a few
    /// in a park, nobody indoors.
    static func defaultCrowd(_ environment: SceneSpec.Environment) -> Double {
        switch environment {
        case .street, .cityNight: return 0.35
        case .park: return 0.2
        case .livingRoom, .kitchen, .office, .studio, .neutral: return 0
        }
    }

    /// Binds the shot's cast to the scene's subjects (see `interpret(_:)`).
    static func castCharacters(_ spec: ShotSpec, into scene: inout SceneSpec) {
        let lexicon = Lexicon(characters: [])
        for character in spec.characters {
            let blocking = spec.shot.cast.first { $0.characterID == character.id }?.blocking ?? ""
            let blockingAction = Reading(items: lexicon.match(lexicon.tokenize(blocking))).firstAction
            if let i = scene.subjects.firstIndex(where: { $0.characterID == character.id }) {
                if let a = blockingAction { scene.subjects[i].action = a }
                continue
            }
            let people: Set<SceneSpec.SubjectKind> = [.woman, .man, .child]
            if let i = scene.subjects.firstIndex(where: { people.contains($0.kind) && $0.characterID == nil }) {
                // The character's stored appearance is its memory: generic colour words of the
                // unnamed person do not repaint it.
                scene.subjects[i].kind = .character
                scene.subjects[i].characterID = character.id
                scene.subjects[i].hairColor = nil
                scene.subjects[i].clothesColor = nil
                if let a = blockingAction { scene.subjects[i].action = a }
            } else {
                let action = blockingAction ?? scene.subjects.first(where: { people.contains($0.kind) || $0.kind == .character })?.action ?? .standing
                scene.subjects.append(SceneSpec.Subject(kind: .character, characterID: character.id, action: action))
            }
        }
    }
}

/// A word of the text after normalisation, with the index of the original word it came from.
struct PromptToken: Hashable {
    var word: String
    /// The word as written (lower case), and its index in the text.
    var surface: String
    var source: Int
    /// The word was a plural made singular ("women" -> "woman").
    var plural: Bool = false
}

/// A matched phrase: what it means and which tokens it covers.
struct PromptItem: Hashable {
    enum Meaning: Hashable {
        case effect([PromptVocabulary.Effect])
        case character(CharacterID)
        /// A content word the vocabulary does not know.
        case unknown
        /// A function word: skipped silently.
        case function
    }
    var meaning: Meaning
    var firstToken: Int
    var lastToken: Int
    /// The original words covered, lower case, joined by spaces.
    var text: String
    /// The normalised word (for function words: which one).
    var word: String
    /// The phrase's last word was a plural ("two cars", "kids").
    var plural: Bool = false
}

/// The vocabulary plus the project's character names, ready for matching.
struct Lexicon {
    struct Phrase { var words: [String]; var meaning: PromptItem.Meaning }
    var phrasesByFirstWord: [String: [Phrase]] = [:]
    var knownWords: Set<String> = PromptVocabulary.functionWords

    init(characters: [Character]) {
        for entry in PromptVocabulary.entries {
            let words = entry.phrase.split(separator: " ").map(String.init)
            knownWords.formUnion(words)
            phrasesByFirstWord[words[0], default: []].append(Phrase(words: words, meaning: .effect(entry.effects)))
        }
        for character in characters {
            let words = Lexicon.rawWords(character.name).flatMap { Lexicon.stripPossessive($0) }
            guard !words.isEmpty else { continue }
            knownWords.formUnion(words)
            // Characters go first so a name that is also a vocabulary word ("Rain") is the name.
            phrasesByFirstWord[words[0], default: []].insert(Phrase(words: words, meaning: .character(character.id)), at: 0)
        }
    }

    /// Lower-cased words: letters and digits; everything else (spaces, punctuation, hyphens)
    /// separates words. Apostrophes are dropped inside a word.
    static func rawWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "'" || ch == "\u{2019}" {
                current.append("'")
            } else if !current.isEmpty {
                words.append(current); current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// "woman's" -> ["woman"], "don't" -> ["dont"], "'" alone -> [].
    static func stripPossessive(_ word: String) -> [String] {
        var w = word
        if w.hasSuffix("'s") { w.removeLast(2) }
        w.removeAll { $0 == "'" }
        return w.isEmpty ? [] : [w]
    }

    /// Words of `text` in the vocabulary's form: simple plurals singular ("signs" -> "sign",
    /// "boxes" -> "box", "women" -> "woman") when the singular is a known word.
    func tokenize(_ text: String) -> [PromptToken] {
        var tokens: [PromptToken] = []
        for (index, raw) in Lexicon.rawWords(text).enumerated() {
            for word in Lexicon.stripPossessive(raw) {
                let normal = normalise(word)
                let plural = normal != word && !normal.contains(" ")
                for piece in normal.split(separator: " ") {
                    tokens.append(PromptToken(word: String(piece), surface: word, source: index, plural: plural))
                }
            }
        }
        return tokens
    }

    func normalise(_ word: String) -> String {
        if knownWords.contains(word) { return word }
        if let w = PromptVocabulary.irregular[word] { return w }
        if word.hasSuffix("ies"), knownWords.contains(String(word.dropLast(3)) + "y") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("es"), knownWords.contains(String(word.dropLast(2))) { return String(word.dropLast(2)) }
        if word.hasSuffix("s"), knownWords.contains(String(word.dropLast())) { return String(word.dropLast()) }
        return word
    }

    /// Greedy longest match from left to right. Filler words ("a", "her" …) may stand
    /// between the words of a phrase; on a tie a character name wins.
    func match(_ tokens: [PromptToken]) -> [PromptItem] {
        var items: [PromptItem] = []
        var i = 0
        func text(_ a: Int, _ b: Int) -> String {
            var parts: [String] = []
            var lastSource = -1
            for t in a...b where tokens[t].source != lastSource {
                parts.append(tokens[t].surface); lastSource = tokens[t].source
            }
            return parts.joined(separator: " ")
        }
        while i < tokens.count {
            var best: (end: Int, phrase: Phrase)?
            for phrase in phrasesByFirstWord[tokens[i].word] ?? [] {
                guard let end = matchEnd(phrase.words, tokens, from: i) else { continue }
                if best == nil || end > best!.end
                    || (end == best!.end && phrase.words.count > best!.phrase.words.count) {
                    best = (end, phrase)
                }
            }
            if let best {
                items.append(PromptItem(meaning: best.phrase.meaning, firstToken: i, lastToken: best.end - 1,
                                        text: text(i, best.end - 1), word: tokens[i].word,
                                        plural: tokens[best.end - 1].plural))
                i = best.end
            } else {
                let w = tokens[i].word
                let meaning: PromptItem.Meaning = PromptVocabulary.functionWords.contains(w) ? .function : .unknown
                items.append(PromptItem(meaning: meaning, firstToken: i, lastToken: i, text: tokens[i].surface, word: w))
                i += 1
            }
        }
        return items
    }

    /// The index after the last token of `words` matched at `start`, or nil.
    func matchEnd(_ words: [String], _ tokens: [PromptToken], from start: Int) -> Int? {
        var j = start + 1
        for w in words.dropFirst() {
            while j < tokens.count, tokens[j].word != w, PromptVocabulary.fillerWords.contains(tokens[j].word) { j += 1 }
            guard j < tokens.count, tokens[j].word == w else { return nil }
            j += 1
        }
        return j
    }
}
