import Foundation
import KinoCore
import KinoEngine

extension Verbs {
    static let sceneVerbs: [Verb] = [
        Verb("scene add", doc: "add a scene at the end of the timeline",
             arguments: [
                VerbArgument("name", .text, "Scene name.", required: true, positional: true),
                VerbArgument("environment", .text, "Where it happens, in words (e.g. 'white studio tabletop')."),
                VerbArgument("lighting", .lighting, "Lighting setup (id or name)."),
             ],
             describe: { p, e in
                 guard case .group(_, let edits) = e, case .insertScene(let s, _)? = edits.last else { return e.label }
                 return "added scene \(s.id) '\(s.name)'"
             },
             body: .edit { p, a in
                 try p.addingScene(name: try a.require(a.text("name"), "name"), environment: a.text("environment") ?? "",
                                   lighting: a.lighting().flatMap { $0 }).0
             }),
        Verb("scene set", doc: "rename a scene or change its environment or lighting",
             arguments: [
                VerbArgument("scene", .scene, "Scene id, position or name; in the editor, the selected shot's.", required: true, positional: true, fromSelection: true),
                VerbArgument("name", .text, "New name."),
                VerbArgument("environment", .text, "New environment text."),
                VerbArgument("lighting", .lighting, "Lighting setup (id or name), or 'none'.", allowsNone: true),
             ],
             needsOneOf: ["name", "environment", "lighting"],
             body: .edit { p, a in
                 try p.updatingScene(try a.require(a.scene(), "scene")) { s in
                     if let n = a.text("name") { s.name = n }
                     if let e = a.text("environment") { s.environment = e }
                     if let l = a.lighting() { s.lightingID = l }
                 }
             }),
        Verb("scene remove", doc: "remove an empty scene",
             arguments: [VerbArgument("scene", .scene, "Scene id, position or name.", required: true, positional: true)],
             body: .edit { p, a in try p.removingScene(try a.require(a.scene(), "scene")) }),
    ]

    static let characterVerbs: [Verb] = [
        Verb("character add", doc: "add a character; its look is derived once and reused in every shot",
             arguments: [
                VerbArgument("name", .text, "Name, used in prompts and --character.", required: true, positional: true),
                VerbArgument("description", .text, "What they look like, in words ('a tall woman with short black hair in a red jacket').", positional: true),
                VerbArgument("reference", .path, "Reference image (PNG, JPEG, WebP): its colours shape the look."),
             ],
             body: .session { session, a in
                 let c = try session.addCharacter(name: try a.require(a.text("name"), "name"), description: a.text("description") ?? "",
                                                  referencePath: a.text("reference"))
                 return VerbOutcome(message: "added character \(c.id) '\(c.name)': skin \(c.appearance.skin), hair \(c.appearance.hair) \(c.appearance.hairStyle.rawValue), top \(c.appearance.top), bottom \(c.appearance.bottom)")
             }),
        Verb("character set", doc: "change a character's name, description or reference image (re-derives the look)",
             arguments: [
                VerbArgument("character", .character, "Character id or name; in the editor, the one selected in the Characters pane.", required: true, positional: true, fromSelection: true),
                VerbArgument("name", .text, "New name."),
                VerbArgument("description", .text, "New description."),
                VerbArgument("reference", .path, "New reference image, or 'none'."),
             ],
             needsOneOf: ["name", "description", "reference"],
             body: .session { session, a in
                 let id = try a.require(a.character(), "character")
                 let before = session.project
                 let c = try session.updateCharacter(id.raw, name: a.text("name"), description: a.text("description"), referencePath: a.text("reference"))
                 return VerbOutcome(message: "changed character \(c.id) '\(c.name)'", affectedShots: session.project.shotDiff(since: before).affected)
             }),
        Verb("character remove", doc: "remove a character no shot casts",
             arguments: [VerbArgument("character", .character, "Character id or name.", required: true, positional: true, fromSelection: true)],
             body: .edit { p, a in
                 let id = try a.require(a.character(), "character")
                 guard let i = p.characters.firstIndex(where: { $0.id == id }) else { throw ValidationError.unknownCharacter(id.raw) }
                 return try Verbs.checked(p, .deleteCharacter(p.characters[i], at: i))
             }),
    ]

    static let lightingValues: [VerbArgument] = [
        VerbArgument("azimuth", .number(-360...360), "Key light azimuth in degrees (0 = from the camera side)."),
        VerbArgument("elevation", .number(-90...90), "Key light elevation in degrees."),
        VerbArgument("temperature", .number(1000...12000), "Colour temperature in kelvin (1000–12000)."),
        VerbArgument("intensity", .number(0...4), "Key intensity (0–4)."),
        VerbArgument("ambient", .number(0...1), "Ambient fill (0–1)."),
        VerbArgument("time-of-day", .choice(timesOfDay), "Time of day."),
        VerbArgument("weather", .choice(weathers), "Weather."),
    ]

    static func applyLighting(_ a: VerbArguments, to l: inout LightingSetup) {
        if let v = a.number("azimuth") { l.keyAzimuth = v }
        if let v = a.number("elevation") { l.keyElevation = v }
        if let v = a.number("temperature") { l.colorTemperature = v }
        if let v = a.number("intensity") { l.intensity = v }
        if let v = a.number("ambient") { l.ambient = v }
        if let v = a.text("time-of-day").flatMap(TimeOfDay.init(rawValue:)) { l.timeOfDay = v }
        if let v = a.text("weather").flatMap(Weather.init(rawValue:)) { l.weather = v }
    }

    static let lightingVerbs: [Verb] = [
        Verb("lighting add", doc: "add a lighting setup that scenes and shots can share",
             arguments: [VerbArgument("name", .text, "Name.", required: true, positional: true)] + lightingValues,
             describe: { p, e in
                 guard case .group(_, let edits) = e, case .insertLighting(let l, _)? = edits.last else { return e.label }
                 return "added lighting \(l.id) '\(l.name)'"
             },
             body: .edit { p, a in
                 let name = try a.require(a.text("name"), "name")
                 return try p.addingLighting { id in
                     var l = LightingSetup(id: id, name: name)
                     applyLighting(a, to: &l)
                     return l
                 }.0
             }),
        Verb("lighting set", doc: "change a lighting setup (every shot using it follows)",
             arguments: [VerbArgument("lighting", .lighting, "Lighting id or name.", required: true, positional: true),
                         VerbArgument("name", .text, "New name.")] + lightingValues,
             needsOneOf: ["name"] + lightingValues.map(\.name),
             body: .edit { p, a in
                 guard let id = a.lighting().flatMap({ $0 }) else { throw VerbError.missingArgument(verb: "lighting set", argument: "lighting") }
                 return try p.updatingLighting(id) { l in
                     if let n = a.text("name") { l.name = n }
                     applyLighting(a, to: &l)
                 }
             }),
        Verb("lighting remove", doc: "remove a lighting setup no scene or shot uses",
             arguments: [VerbArgument("lighting", .lighting, "Lighting id or name.", required: true, positional: true)],
             body: .edit { p, a in
                 guard let id = a.lighting().flatMap({ $0 }), let i = p.lightingSetups.firstIndex(where: { $0.id == id }) else {
                     throw VerbError.missingArgument(verb: "lighting remove", argument: "lighting")
                 }
                 return try Verbs.checked(p, .deleteLighting(p.lightingSetups[i], at: i))
             }),
    ]
}
