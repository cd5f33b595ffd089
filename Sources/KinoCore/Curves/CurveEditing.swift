import Foundation

/// Edits on a curve, as the curve editor and the `kino camera key` command make them. Every
/// edit keeps the keys sorted with unique frames and recomputes the automatic handles.
/// Indices must be valid (0..<keys.count), as with Array.
extension AnimationCurve {
    /// The index of the key on exactly `frame`, if any.
    public func keyIndex(atFrame frame: Double) -> Int? {
        keys.firstIndex { $0.frame == frame }
    }

    /// Adds `key` in frame order, replacing a key already on its frame. Returns its index.
    @discardableResult
    public mutating func insert(_ key: Keyframe) -> Int {
        let index: Int
        if let same = keyIndex(atFrame: key.frame) {
            keys[same] = key
            index = same
        } else {
            index = keys.firstIndex { $0.frame > key.frame } ?? keys.count
            keys.insert(key, at: index)
        }
        recalculateHandles()
        return index
    }

    /// Removes the key at `index`.
    public mutating func removeKey(at index: Int) {
        keys.remove(at: index)
        recalculateHandles()
    }

    /// Moves the key at `index` to (`toFrame`, `value`), carrying its handles along; a key
    /// already on `toFrame` is replaced. Returns the moved key's new index.
    @discardableResult
    public mutating func moveKey(at index: Int, toFrame frame: Double, value: Double) -> Int {
        var key = keys.remove(at: index)
        key.frame = frame
        key.value = value
        return insert(key)
    }

    /// Sets one handle of the key at `index`, as dragging it in the curve editor does.
    /// A handle cannot point past its own key in time (a left handle's dt is at most 0, a right
    /// one's at least 0). Like Blender, dragging an auto or auto-clamped handle makes the key
    /// aligned, dragging a vector handle makes it free. An aligned key turns its other handle to
    /// stay collinear, keeping that handle's length; a free key leaves it alone.
    public mutating func setHandle(at index: Int, side: HandleSide, to handle: Handle) {
        var key = keys[index]
        switch key.handleType {
        case .auto, .autoClamped: key.handleType = .aligned
        case .vector: key.handleType = .free
        case .aligned, .free: break
        }
        switch side {
        case .left:
            key.leftHandle = Handle(dt: min(0, handle.dt), dv: handle.dv)
            if key.handleType == .aligned { key.rightHandle = key.rightHandle.aligned(opposite: key.leftHandle) }
        case .right:
            key.rightHandle = Handle(dt: max(0, handle.dt), dv: handle.dv)
            if key.handleType == .aligned { key.leftHandle = key.leftHandle.aligned(opposite: key.rightHandle) }
        }
        keys[index] = key
    }

    /// Sets how the segment leaving the key at `index` runs, and for an easing family which
    /// end is eased (unchanged when `easing` is nil).
    public mutating func setInterpolation(at index: Int, _ interpolation: Interpolation, easing: EasingMode? = nil) {
        keys[index].interpolation = interpolation
        if let easing { keys[index].easing = easing }
    }

    /// Sets the handle type of the key at `index`. Automatic types are recomputed at once;
    /// switching to aligned turns the left handle to line up with the right one.
    public mutating func setHandleType(at index: Int, _ type: HandleType) {
        keys[index].handleType = type
        if type == .aligned {
            keys[index].leftHandle = keys[index].leftHandle.aligned(opposite: keys[index].rightHandle)
        }
        recalculateHandles()
    }
}
