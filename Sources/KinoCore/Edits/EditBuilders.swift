/// Builders that turn a person's intent ("set the prompt of shot 2") into an Edit against
/// the current project. They validate by applying the edit to a copy, so a returned Edit is
/// known to apply; the CLI and the editor both use them.
extension Project {
    /// An edit replacing shot `id` by `change(shot)`.
    public func updatingShot(_ id: ShotID, _ change: (inout Shot) throws -> Void) throws -> Edit {
        guard let old = shot(id) else { throw ValidationError.unknownShot(id.raw, count: shots.count) }
        var new = old
        try change(&new)
        return try checked(.updateShot(old: old, new: new))
    }

    public func updatingScene(_ id: SceneID, _ change: (inout Scene) throws -> Void) throws -> Edit {
        guard let old = scene(id) else { throw ValidationError.unknownScene(id.raw, count: scenes.count) }
        var new = old
        try change(&new)
        return try checked(.updateScene(old: old, new: new))
    }

    public func updatingCharacter(_ id: CharacterID, _ change: (inout Character) throws -> Void) throws -> Edit {
        guard let old = character(id) else { throw ValidationError.unknownCharacter(id.raw) }
        var new = old
        try change(&new)
        return try checked(.updateCharacter(old: old, new: new))
    }

    public func updatingLighting(_ id: LightingID, _ change: (inout LightingSetup) throws -> Void) throws -> Edit {
        guard let old = lighting(id) else { throw ValidationError.unknownLighting(id.raw) }
        var new = old
        try change(&new)
        return try checked(.updateLighting(old: old, new: new))
    }

    public func updatingSettings(_ change: (inout ProjectSettings) throws -> Void) throws -> Edit {
        var new = settings
        try change(&new)
        return try checked(.updateSettings(old: settings, new: new))
    }

    /// Adds a scene at the end; returns the edit and the new scene's id.
    public func addingScene(name: String, environment: String = "", lighting: LightingID? = nil) throws -> (Edit, SceneID) {
        let id = SceneID(number: nextIDNumber)
        let scene = Scene(id: id, name: name, environment: environment, lightingID: lighting)
        let edit = Edit.group(label: "add scene \(id) '\(name)'", edits: [
            .advanceIDs(from: nextIDNumber, to: nextIDNumber + 1), .insertScene(scene, at: scenes.count)])
        return (try checked(edit), id)
    }

    /// Adds a shot after the last shot of its scene (or at `position`, 0-based).
    public func addingShot(_ make: (ShotID) -> Shot, position: Int? = nil) throws -> (Edit, ShotID) {
        let id = ShotID(number: nextIDNumber)
        let shot = make(id)
        let index: Int
        if let p = position {
            index = p
        } else if let last = shots.lastIndex(where: { $0.sceneID == shot.sceneID }) {
            index = last + 1
        } else {
            // A scene's first shot goes after the shots of the scenes before it.
            let order = scenes.map(\.id)
            let rank = order.firstIndex(of: shot.sceneID) ?? order.count
            index = shots.lastIndex { (order.firstIndex(of: $0.sceneID) ?? 0) <= rank }.map { $0 + 1 } ?? 0
        }
        let edit = Edit.group(label: "add shot \(id)", edits: [
            .advanceIDs(from: nextIDNumber, to: nextIDNumber + 1), .insertShot(shot, at: index)])
        return (try checked(edit), id)
    }

    public func addingCharacter(name: String, description: String, reference: MediaReference?,
                                appearance: Appearance) throws -> (Edit, CharacterID) {
        let id = CharacterID(number: nextIDNumber)
        let c = Character(id: id, name: name, description: description, reference: reference, appearance: appearance)
        let edit = Edit.group(label: "add character \(name)", edits: [
            .advanceIDs(from: nextIDNumber, to: nextIDNumber + 1), .insertCharacter(c, at: characters.count)])
        return (try checked(edit), id)
    }

    public func addingLighting(_ make: (LightingID) -> LightingSetup) throws -> (Edit, LightingID) {
        let id = LightingID(number: nextIDNumber)
        let l = make(id)
        let edit = Edit.group(label: "add lighting \(l.name)", edits: [
            .advanceIDs(from: nextIDNumber, to: nextIDNumber + 1), .insertLighting(l, at: lightingSetups.count)])
        return (try checked(edit), id)
    }

    public func movingShot(_ id: ShotID, to index: Int) throws -> Edit {
        guard let from = shotIndex(id) else { throw ValidationError.unknownShot(id.raw, count: shots.count) }
        return try checked(.moveShot(id, from: from, to: index))
    }

    public func removingShot(_ id: ShotID) throws -> Edit {
        guard let i = shotIndex(id) else { throw ValidationError.unknownShot(id.raw, count: shots.count) }
        return try checked(.deleteShot(shots[i], at: i))
    }

    public func removingScene(_ id: SceneID) throws -> Edit {
        guard let i = sceneIndex(id) else { throw ValidationError.unknownScene(id.raw, count: scenes.count) }
        return try checked(.deleteScene(scenes[i], at: i))
    }

    public func settingCurrentTake(_ shot: ShotID, _ take: TakeID?) throws -> Edit {
        try updatingShot(shot) { $0.currentTakeID = take }
    }

    private func checked(_ edit: Edit) throws -> Edit {
        _ = try applying(edit)
        return edit
    }
}
