"""The Discord face of jobbot: thin cogs (parse options, defer, call a service, render, send)."""
