/// The three panes keyboard focus moves between with Tab.
public enum Pane: Sendable, Equatable, CaseIterable {
    case phases, items, detail

    var next: Pane {
        switch self {
        case .phases: .items
        case .items: .detail
        case .detail: .phases
        }
    }
}

/// Which items the tree shows (`f` cycles).
public enum ItemFilter: String, Sendable, Equatable, CaseIterable {
    case all, open, drift

    var next: ItemFilter {
        switch self {
        case .all: .open
        case .open: .drift
        case .drift: .all
        }
    }
}

/// Where keystrokes go.
public enum InputMode: Sendable, Equatable {
    case normal
    case search(String)
    case help
    /// `W` asked to write the copy in memory back: y writes, any other key does not.
    case confirmWriteBack
    /// A scrollable page over the panes: the message log or the item's text in a pager.
    case view(TextView)
}

/// The pages `L` and `v` open over the panes.
public enum TextView: Sendable, Equatable {
    case log, pager, history
}
