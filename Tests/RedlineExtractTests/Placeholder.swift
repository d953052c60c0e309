// Placeholder so that the package loads until this target has tests; delete when real tests arrive.
