import KinoCore

/// What stays fixed while a shot plays: the interpreted scene, seed, rate, camera and light,
/// resolved once from a ShotSpec. Only WorldState evolves.
struct WorldSetup: Sendable {
    var scene: SceneSpec
    var seed: UInt64
    var fps: Double
    /// The shot's length in frames (camera moves are timed to it).
    var duration: Int
    var explicitCamera: CameraPath?
    var characters: [Character]
    var light: SceneLight
    var weather: Weather
    var timeOfDay: TimeOfDay
    var startFrame: Frame?
    var aspect: Double
    /// The room or cyclorama that encloses the camera, when the place is indoors.
    var interior: Interior?
    var look: Look
    /// The colour grade of the lighting, when the look grades.
    var grade: ColorGrade?

    init(spec: ShotSpec, scene: SceneSpec) {
        self.scene = scene
        seed = spec.shot.seed
        fps = spec.frameRate.doubleValue
        duration = max(1, spec.shot.duration)
        explicitCamera = spec.shot.cameraIsExplicit ? spec.shot.camera : nil
        characters = spec.characters
        let env = scene.environment
        let defaultTime: TimeOfDay = env == .cityNight ? .night : .noon
        if let l = spec.lighting {
            timeOfDay = l.timeOfDay
            weather = l.weather != .clear ? l.weather : (scene.weather ?? .clear)
        } else {
            timeOfDay = scene.timeOfDay ?? defaultTime
            weather = scene.weather ?? .clear
        }
        light = SceneLight.resolve(lighting: spec.lighting, timeOfDay: timeOfDay, weather: weather, environment: env)
        startFrame = spec.startFrame
        aspect = spec.resolution.aspect
        interior = Interior.of(scene.environment)
        look = spec.look
        // A start picture keeps its own colours: image-to-video begins on the picture as given.
        grade = spec.look.grade && spec.startFrame == nil ? ColorGrade.of(timeOfDay: timeOfDay, weather: weather, environment: env,
                                                 kelvin: spec.lighting?.colorTemperature ?? 5600) : nil
    }

    var dt: Double { 1 / fps }
    var isStreet: Bool { scene.environment == .cityNight || scene.environment == .street }

    func appearance(of id: CharacterID?) -> Appearance? {
        guard let id else { return nil }
        return characters.first { $0.id == id }?.appearance
    }

    /// Height of the surface props stand on in this environment.
    var propSurfaceHeight: Double {
        switch scene.environment {
        case .studio: return 0.8
        case .kitchen: return 0.92
        case .street, .cityNight, .park, .neutral: return 1.0
        default: return 0.75
        }
    }

    /// Where along x the props stand: centre stage alone, beside the people otherwise.
    var propBase: Double {
        let people = scene.subjects.filter { WorldSetup.isPerson($0.kind) }.count
        return people == 0 ? 0 : 0.75 + Double(people) * 0.45
    }

    static func isPerson(_ kind: SceneSpec.SubjectKind) -> Bool {
        kind == .woman || kind == .man || kind == .child || kind == .character
    }
    static func isProp(_ kind: SceneSpec.SubjectKind) -> Bool {
        [.smartphone, .productBox, .bottle, .watch, .sneakers, .laptop, .mug].contains(kind)
    }
}
