import KinoCore

/// The meaning of one text's matched phrases: the second pass of the interpreter, which
/// attaches colours to hair, clothes and objects and actions to subjects.
///
/// Attachment rules (documented in Docs/Engine.md):
/// - A colour directly before "hair"/"haired" is a hair colour; directly before a garment it
///   is the clothes colour; directly before a subject it is that object's colour (or a
///   person's clothes colour); after "in"/"wearing" alone ("a man in grey") it is clothes.
/// - A hair or clothes description after "with", "in", "wearing" … belongs to the person
///   before it; one directly before a person belongs to that person ("a blonde woman");
///   otherwise to the last person, or to the next one when none came before.
/// - An action applies to the subjects named since the previous action ("a man and a woman
///   walking"); an action before any such subject applies to the next one ("a walking man").
struct Reading {
    var environment: SceneSpec.Environment?
    var neonSigns = false
    var timeOfDay: TimeOfDay?
    var weather: Weather?
    var crowd: Double?
    var subjects: [SceneSpec.Subject] = []
    var cameraMoves: [SceneSpec.CameraMove] = []
    var shotSize: SceneSpec.ShotSize?
    var angle: SceneSpec.CameraAngle?
    var understood: [String] = []
    var ignored: [String] = []
    /// The first action word of the text, whether or not a subject took it.
    var firstAction: SceneSpec.Action?

    private struct Entry {
        var item: PromptItem
        /// The function words between the previous entry and this one.
        var gapBefore: [String]
        var effects: [PromptVocabulary.Effect] {
            if case .effect(let e) = item.meaning { return e }
            return []
        }
        var descriptor: PromptVocabulary.Effect? {
            guard effects.count == 1 else { return nil }
            switch effects[0] {
            case .colour, .shade, .hairColour, .hair, .garment: return effects[0]
            default: return nil
            }
        }
        var isSubject: Bool {
            if case .character = item.meaning { return true }
            return effects.contains { if case .subject = $0 { return true } else { return false } }
        }
        var isPerson: Bool {
            if case .character = item.meaning { return true }
            return effects.contains {
                if case .subject(let k) = $0 { return k == .woman || k == .man || k == .child }
                return false
            }
        }
    }

    private struct Building {
        var kind: SceneSpec.SubjectKind
        var characterID: CharacterID?
        var isPerson: Bool
        var hair: RGB?
        var top: RGB?
        var bottom: RGB?
        var color: RGB?
        var action: SceneSpec.Action?
    }

    private enum Attribute { case hair, top, bottom }
    private struct Pending { var attribute: Attribute; var colour: RGB; var text: String }

    private var building: [Building] = []
    /// The subjects of the last person mention ("two women" is two).
    private var lastPeople: Range<Int>?
    private var sinceLastAction: [Int] = []
    private var pendingAction: SceneSpec.Action?
    private var pendingAttributes: [Pending] = []
    private var pendingObjectColour: (colour: RGB, text: String)?
    private var pendingCount: Int?

    init(items: [PromptItem], settingOnly: Bool = false) {
        var entries: [Entry] = []
        var gap: [String] = []
        for item in items {
            if case .function = item.meaning { gap.append(item.word); continue }
            entries.append(Entry(item: item, gapBefore: gap))
            gap = []
        }
        var k = 0
        while k < entries.count {
            let entry = entries[k]
            switch entry.item.meaning {
            case .function:
                break
            case .unknown:
                ignored.append(entry.item.text)
            case .character(let id):
                if settingOnly { ignored.append(entry.item.text) } else {
                    addSubject(kind: .character, characterID: id, isPerson: true, text: entry.item.text)
                }
            case .effect(let effects):
                if effects.count == 1, case .count(let n) = effects[0] {
                    // A number counts the subject right after it ("two women", "a couple of cars").
                    let next = k + 1
                    if !settingOnly, next < entries.count, entries[next].isSubject,
                       entries[next].gapBefore.allSatisfy({ PromptVocabulary.fillerWords.contains($0) || $0 == "of" }) {
                        pendingCount = n; understood.append(entry.item.text)
                    } else {
                        ignored.append(entry.item.text)
                    }
                    break
                }
                if entry.descriptor != nil {
                    if settingOnly { ignored.append(entry.item.text); break }
                    k = readDescription(entries, at: k)
                    continue
                }
                apply(effects, text: entry.item.text, plural: entry.item.plural, settingOnly: settingOnly)
            }
            k += 1
        }
        for p in pendingAttributes { ignored.append(p.text) }
        if let p = pendingObjectColour { ignored.append(p.text) }
        subjects = building.map {
            SceneSpec.Subject(kind: $0.kind, characterID: $0.characterID, hairColor: $0.hair,
                              clothesColor: $0.top ?? $0.bottom, color: $0.color, action: $0.action ?? .standing)
        }
    }

    private mutating func apply(_ effects: [PromptVocabulary.Effect], text: String, plural: Bool, settingOnly: Bool) {
        var used = false
        for effect in effects {
            switch effect {
            case .environment(let e): if environment == nil { environment = e }; used = true
            case .neonSigns: neonSigns = true; used = true
            case .timeOfDay(let t): if timeOfDay == nil { timeOfDay = t }; used = true
            case .weather(let w): if weather == nil { weather = w }; used = true
            case .crowd(let c): if crowd == nil { crowd = c }; used = true
            case .subject(let kind) where !settingOnly:
                let person = kind == .woman || kind == .man || kind == .child
                let n = min(PromptVocabulary.maximumCount, pendingCount ?? (plural ? 2 : 1))
                pendingCount = nil
                addSubject(kind: kind, characterID: nil, isPerson: person, text: nil, count: n); used = true
            case .action(let a) where !settingOnly:
                applyAction(a); used = true
            case .camera(let m) where !settingOnly:
                if !cameraMoves.contains(m) { cameraMoves.append(m) }; used = true
            case .shotSize(let size) where !settingOnly:
                if shotSize == nil { shotSize = size }; used = true
            case .angle(let a) where !settingOnly:
                if angle == nil { angle = a }; used = true
            default:
                break
            }
        }
        if used { understood.append(text) } else { ignored.append(text) }
    }

    private mutating func addSubject(kind: SceneSpec.SubjectKind, characterID: CharacterID?, isPerson: Bool,
                                     text: String?, count: Int = 1) {
        if characterID != nil { pendingCount = nil }
        var s = Building(kind: kind, characterID: characterID, isPerson: isPerson)
        if let p = pendingObjectColour {
            if isPerson { s.top = p.colour } else { s.color = p.colour }
            understood.append(p.text)
            pendingObjectColour = nil
        }
        if isPerson {
            for p in pendingAttributes { set(p.attribute, p.colour, on: &s) ; understood.append(p.text) }
            pendingAttributes = []
        }
        for _ in 0..<count {
            if let a = pendingAction {
                s.action = a
            } else {
                sinceLastAction.append(building.count)
            }
            building.append(s)
        }
        pendingAction = nil
        if isPerson { lastPeople = (building.count - count)..<building.count }
        if let text { understood.append(text) }
    }

    private mutating func applyAction(_ a: SceneSpec.Action) {
        if firstAction == nil { firstAction = a }
        let targets = sinceLastAction.filter { building[$0].action == nil }
        if targets.isEmpty {
            if pendingAction == nil { pendingAction = a }
        } else {
            for i in targets { building[i].action = a }
        }
        sinceLastAction = []
    }

    private func set(_ attribute: Attribute, _ colour: RGB, on s: inout Building) {
        switch attribute {
        case .hair: if s.hair == nil { s.hair = colour }
        case .top: if s.top == nil { s.top = colour }
        case .bottom: if s.bottom == nil { s.bottom = colour }
        }
    }

    private static func adjacent(_ entries: [Entry], _ i: Int) -> Bool {
        i < entries.count && entries[i].gapBefore.allSatisfy { PromptVocabulary.fillerWords.contains($0) }
    }

    /// Reads a description group starting at `k` ([shade] [colour | hair colour] [hair | garment])
    /// and returns the index after it.
    private mutating func readDescription(_ entries: [Entry], at k: Int) -> Int {
        var j = k
        var shade: Bool?
        var colourName: String?
        var colour: RGB?
        var hairWord = false
        var hairColour: RGB?
        var garmentTop: Bool?

        func descriptor(_ i: Int) -> PromptVocabulary.Effect? { i < entries.count ? entries[i].descriptor : nil }
        if case .shade(let dark)? = descriptor(j) {
            shade = dark
            guard Reading.adjacent(entries, j + 1), let next = descriptor(j + 1) else {
                ignored.append(entries[k].item.text); return k + 1
            }
            if case .shade = next { ignored.append(entries[k].item.text); return k + 1 }
            if case .garment = next { ignored.append(entries[k].item.text); return k + 1 }
            j += 1
        }
        switch descriptor(j) {
        case .colour(let c)?: colour = c; colourName = entries[j].item.word
        case .hairColour(let c)?: hairColour = c
        case .hair?: hairWord = true
        default:
            ignored.append(entries[j].item.text); return j + 1
        }
        if !hairWord, Reading.adjacent(entries, j + 1) {
            switch descriptor(j + 1) {
            case .hair?: hairWord = true; j += 1
            case .garment(let top)? where hairColour == nil: garmentTop = top; j += 1
            default: break
            }
        }
        let text = entries[k...j].map(\.item.text).joined(separator: " ")
        let end = j + 1

        func shaded(_ c: RGB) -> RGB {
            guard let dark = shade else { return c }
            return dark ? c.darkened : c.lightened
        }

        let attribute: Attribute
        let value: RGB
        if hairWord && colour == nil && hairColour == nil && shade == nil {
            ignored.append(text); return end
        } else if hairWord || hairColour != nil {
            attribute = .hair
            if let hc = hairColour { value = shaded(hc) }
            else if let c = colour, let name = colourName { value = shaded(RGB.hairColour(named: name) ?? c) }
            else { value = shade == true ? PromptVocabulary.darkHair : PromptVocabulary.lightHair }
        } else if let top = garmentTop, let c = colour {
            attribute = top ? .top : .bottom
            value = shaded(c)
        } else if let c = colour {
            // A bare colour: the next subject's colour, or clothes after "in"/"wearing".
            if Reading.adjacent(entries, end), entries[end].isSubject {
                pendingObjectColour = (shaded(c), text)
            } else if Reading.adjacent(entries, end), entries[end].item.meaning == .unknown {
                ignored.append(text)   // the colour of something the vocabulary does not know
            } else if entries[k].gapBefore.contains(where: { PromptVocabulary.attributeIntroducers.contains($0) }),
                      let people = lastPeople {
                for p in people { set(.top, shaded(c), on: &building[p]) }
                understood.append(text)
            } else {
                ignored.append(text)
            }
            return end
        } else {
            ignored.append(text); return end
        }

        let introduced = entries[k].gapBefore.contains { PromptVocabulary.attributeIntroducers.contains($0) }
        if introduced, let people = lastPeople {
            for p in people { set(attribute, value, on: &building[p]) }
            understood.append(text)
        } else if Reading.adjacent(entries, end), entries[end].isPerson {
            pendingAttributes.append(Pending(attribute: attribute, colour: value, text: text))
        } else if let people = lastPeople {
            for p in people { set(attribute, value, on: &building[p]) }
            understood.append(text)
        } else {
            pendingAttributes.append(Pending(attribute: attribute, colour: value, text: text))
        }
        return end
    }
}
