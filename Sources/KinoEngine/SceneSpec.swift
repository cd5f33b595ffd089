import KinoCore

/// What a prompt describes, as the engine understands it. PromptInterpreter produces it;
/// World and Rasteriser consume it.
public struct SceneSpec: Hashable, Sendable {
    public enum Environment: String, Hashable, Sendable, CaseIterable {
        case cityNight = "city-night", street, livingRoom = "living-room", kitchen, office, studio, park, neutral
    }
    public enum SubjectKind: String, Hashable, Sendable, CaseIterable {
        case woman, man, child, smartphone, productBox = "product-box", bottle, watch, sneakers, laptop, mug, car, character
    }
    public enum Action: String, Hashable, Sendable, CaseIterable {
        case walking, running, standing, turning, rotating, waving, sitting, usingPhone = "using-phone"
        /// Products: a box's lid lifts and what is inside rises; a laptop's screen opens.
        case opening
        /// Products: slides in from the side and comes to rest.
        case slidingIn = "sliding-in"
        /// Products: lifts off its surface and hovers, turning slowly.
        case lifting
    }
    public enum CameraMove: String, Hashable, Sendable, CaseIterable {
        case followBehind = "follow-behind", orbit, pushIn = "push-in",
             pullOut = "pull-out", panLeft = "pan-left", panRight = "pan-right", still = "static", handheld, crane
    }
    /// How much of the subject the frame holds (Docs/Engine.md, Framing).
    public enum ShotSize: String, Hashable, Sendable, CaseIterable {
        case extremeCloseUp = "extreme-close-up", closeUp = "close-up", medium, mediumWide = "medium-wide", wide, establishing
    }
    /// Where the camera looks from.
    public enum CameraAngle: String, Hashable, Sendable, CaseIterable {
        case eyeLevel = "eye-level", low, high, birdsEye = "birds-eye", overTheShoulder = "over-the-shoulder", dutch
    }

    /// One subject in the scene.
    public struct Subject: Hashable, Sendable {
        public var kind: SubjectKind
        /// Set when the subject is a project character (its Appearance is used).
        public var characterID: CharacterID?
        public var hairColor: RGB?
        public var clothesColor: RGB?
        public var color: RGB?
        public var action: Action
        public init(kind: SubjectKind, characterID: CharacterID? = nil, hairColor: RGB? = nil,
                    clothesColor: RGB? = nil, color: RGB? = nil, action: Action = .standing) {
            self.kind = kind; self.characterID = characterID; self.hairColor = hairColor
            self.clothesColor = clothesColor; self.color = color; self.action = action
        }
    }

    public var environment: Environment
    public var subjects: [Subject]
    public var timeOfDay: TimeOfDay?
    public var weather: Weather?
    public var cameraMoves: [CameraMove]
    /// The shot size the prompt asks for; nil means the subject's default (Framing).
    public var shotSize: ShotSize?
    /// The camera angle the prompt asks for; nil means the subject's default.
    public var angle: CameraAngle?
    /// Background pedestrians: 0 empty … 1 busy.
    public var crowdDensity: Double
    public var neonSigns: Bool
    public var report: PromptReport

    public init(environment: Environment = .neutral, subjects: [Subject] = [], timeOfDay: TimeOfDay? = nil,
                weather: Weather? = nil, cameraMoves: [CameraMove] = [], shotSize: ShotSize? = nil, angle: CameraAngle? = nil,
                crowdDensity: Double = 0, neonSigns: Bool = false, report: PromptReport = PromptReport()) {
        self.shotSize = shotSize; self.angle = angle
        self.environment = environment; self.subjects = subjects; self.timeOfDay = timeOfDay
        self.weather = weather; self.cameraMoves = cameraMoves; self.crowdDensity = crowdDensity
        self.neonSigns = neonSigns; self.report = report
    }
}
