import Foundation
import KinoCore

/// A project described for people (`text`) and scripts (Codable, `kino info --json`).
public struct ProjectSummary: Codable, Sendable {
    /// Something named in a project, by id and name.
    public struct Named: Codable, Sendable, Hashable {
        public var id: String, name: String
    }
    /// A frame rate as an exact fraction.
    public struct RationalInfo: Codable, Sendable, Hashable {
        public var numerator: Int, denominator: Int
        public init(_ rate: FrameRate) { numerator = Int(rate.perSecond.numerator); denominator = Int(rate.perSecond.denominator) }
    }
    public struct Size: Codable, Sendable, Hashable {
        public var width: Int, height: Int
    }
    public struct ShotInfo: Codable, Sendable {
        public var id: String, position: Int, scene: Named, name: String, prompt: String
        public var startFrame: Int, frames: Int, seconds: Double, seed: UInt64
        public var cast: [Named], camera: String, lighting: Named?
        public var cameraKeys: Int
        /// The current take's number among the complete takes (as `kino takes` numbers them) and its id.
        public var currentTake: Int?, currentTakeID: String?, takes: Int, renderState: String
        public var image: String?, video: String?
    }
    public struct SceneInfo: Codable, Sendable {
        public var id: String, name: String, environment: String, lighting: Named?, shots: [String]
    }
    public struct CharacterInfo: Codable, Sendable {
        public var id: String, name: String, description: String, reference: String?
        public var appearance: Appearance, shots: [String]
    }
    /// fps as a number (23.976…), fpsRational exact (24000/1001), fpsLabel as people write it.
    public var name: String, fps: Double, fpsRational: RationalInfo, fpsLabel: String, resolution: Size
    public var frames: Int, seconds: Double, timecode: String
    public var scenes: [SceneInfo], shots: [ShotInfo], characters: [CharacterInfo]
    public var lighting: [LightingSetup]
    public var undoable: Int, redoable: Int
    public var engine: String

    /// Plain text for a terminal.
    public var text: String {
        var out = "\(name): \(resolution.width)x\(resolution.height) @ \(fpsLabel) fps, \(shots.count) shot\(shots.count == 1 ? "" : "s") in \(scenes.count) scene\(scenes.count == 1 ? "" : "s"), \(String(format: "%.2f", seconds)) s (\(timecode))\n"
        for sc in scenes {
            out += "scene \(sc.id) \(sc.name)" + (sc.environment.isEmpty ? "" : " — \(sc.environment)") + (sc.lighting.map { " [lighting \($0.name)]" } ?? "") + "\n"
            for s in shots where s.scene.id == sc.id {
                let take = s.currentTake.map { "take \($0) of \(s.takes)" } ?? "no take"
                out += String(format: "  %2d %@ %6.2fs  %@  %@, %@\n", s.position, s.id.padding(toLength: 5, withPad: " ", startingAt: 0),
                              s.seconds, s.renderState, take, "camera " + s.camera)
                out += "       \(s.prompt.isEmpty ? "(no prompt)" : s.prompt)\n"
                if !s.cast.isEmpty { out += "       cast: \(s.cast.map(\.name).joined(separator: ", "))\n" }
            }
        }
        if !characters.isEmpty {
            out += "characters:\n"
            for c in characters {
                out += "  \(c.id) \(c.name): \(c.description) — skin \(c.appearance.skin), hair \(c.appearance.hair), top \(c.appearance.top); in \(c.shots.isEmpty ? "no shots" : c.shots.joined(separator: ", "))\n"
            }
        }
        if !lighting.isEmpty {
            out += "lighting:\n"
            for l in lighting {
                out += "  \(l.id) \(l.name): key \(Int(l.keyAzimuth))°/\(Int(l.keyElevation))°, \(Int(l.colorTemperature)) K, ambient \(l.ambient), \(l.timeOfDay.rawValue), \(l.weather.rawValue)\n"
            }
        }
        out += "history: \(undoable) edit\(undoable == 1 ? "" : "s") to undo, \(redoable) to redo"
        return out
    }
}

extension ProjectSummary {
    /// How a shot's camera is described: its preset, "custom" keys, or "from prompt".
    public static func cameraLabel(_ s: Shot) -> String {
        s.cameraPreset?.rawValue ?? (s.cameraIsExplicit ? "custom" : "from prompt")
    }
}

extension ProjectSession {
    public func summary() -> ProjectSummary {
        let p = project
        let rate = p.frameRate
        let starts = p.shotStarts
        let counts = historyCounts
        let allTakes = (try? store.allTakes()) ?? []
        let takesPerShot = Dictionary(grouping: allTakes, by: \.shotID)
        var shots: [ProjectSummary.ShotInfo] = []
        for (i, s) in p.shots.enumerated() {
            let complete = takesPerShot[s.id]?.filter { $0.status == .complete } ?? []
            let number: Int? = s.currentTakeID.flatMap { id in complete.firstIndex { $0.id == id } }.map { $0 + 1 }
            let cast: [ProjectSummary.Named] = s.cast.compactMap { m in p.character(m.characterID).map { ProjectSummary.Named(id: $0.id.raw, name: $0.name) } }
            let lighting: ProjectSummary.Named? = p.effectiveLighting(for: s).map { ProjectSummary.Named(id: $0.id.raw, name: $0.name) }
            let scene = ProjectSummary.Named(id: s.sceneID.raw, name: p.scene(s.sceneID)?.name ?? "")
            shots.append(ProjectSummary.ShotInfo(
                id: s.id.raw, position: i + 1, scene: scene, name: s.name, prompt: s.prompt,
                startFrame: starts[i], frames: s.duration, seconds: rate.seconds(frames: s.duration), seed: s.seed,
                cast: cast, camera: ProjectSummary.cameraLabel(s), lighting: lighting,
                cameraKeys: s.camera.keyFrames.count,
                currentTake: number, currentTakeID: s.currentTakeID?.raw, takes: complete.count,
                renderState: renderState(of: s.id).rawValue,
                image: s.startImage?.path, video: s.sourceVideo?.media.path))
        }
        return ProjectSummary(
            name: p.settings.name, fps: rate.doubleValue, fpsRational: ProjectSummary.RationalInfo(rate), fpsLabel: rate.description,
            resolution: ProjectSummary.Size(width: p.settings.resolution.width, height: p.settings.resolution.height), frames: p.duration, seconds: rate.seconds(frames: p.duration),
            timecode: rate.timecode(frame: p.duration),
            scenes: p.scenes.map { sc in
                .init(id: sc.id.raw, name: sc.name, environment: sc.environment,
                      lighting: sc.lightingID.flatMap { p.lighting($0) }.map { ProjectSummary.Named(id: $0.id.raw, name: $0.name) },
                      shots: p.shots.filter { $0.sceneID == sc.id }.map(\.id.raw))
            },
            shots: shots,
            characters: p.characters.map { c in
                .init(id: c.id.raw, name: c.name, description: c.description, reference: c.reference?.path,
                      appearance: c.appearance, shots: p.shots(using: c.id).map(\.id.raw))
            },
            lighting: p.lightingSetups, undoable: counts.done, redoable: counts.undone,
            engine: engine.identity.description)
    }
}
