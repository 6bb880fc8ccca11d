"""The ground floor: settings and the types every layer needs. Imports no project package."""
