// Forwards the console's errors and warnings to the backend's log while a GencasterInstance runs.
// Both methods keep the class library's own behaviour and only add the forwarding; sclang notes
// the two overwrites when it compiles the class library.

+ Nil {
	// The top-level handler for every error nothing else caught.
	handleError { arg error;
		Error.handling = true;
		if (Error.debug) {
			{ error.inspect }.defer;
		} {
			error.reportError
		};
		Error.handling = false;
		GencasterInstance.forwardConsole("ERROR", error.errorString);
		this.halt;
	}
}

+ String {
	warn {
		"WARNING: ".post;
		this.postln;
		GencasterInstance.forwardConsole("WARNING", this);
	}
}
