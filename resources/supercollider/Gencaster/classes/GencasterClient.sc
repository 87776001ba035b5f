// The performer's side: sends remote actions (code, speech) to the StreamPoints through the
// Gencaster backend, and can forward every evaluation made in the SuperCollider IDE.
GencasterClient {
	var <backend, <>password, <>protocolVersion = "0.1";
	var <forwarding = false, forwardTargets, evaluateLocally, previousPreProcessor;

	// password: falls back to BACKEND_OSC_PASSWORD.
	*new { |host = "127.0.0.1", port = 7000, password|
		^super.new.init(host, port, password)
	}

	init { |host, port, argPassword|
		backend = NetAddr(host, port.asInteger);
		password = argPassword ?? { "BACKEND_OSC_PASSWORD".getenv };
	}

	// Code to every free StreamPoint.
	sendAll { |code| this.action("code", code) }

	// Code to the StreamPoints matching target (janus_out_room, name or uuid).
	send { |target, code| this.action("code", code, target) }

	speakAll { |text| this.action("speak", text) }

	speak { |target, text| this.action("speak", text, target) }

	action { |action, cmd, target, includeBusy = false|
		var fields;
		if(password.isNil) { "GencasterClient: no password (argument or BACKEND_OSC_PASSWORD)".warn; ^this };
		fields = [\password, password, \action, action, \cmd, cmd.asString,
			\protocol_version, protocolVersion];
		target !? { fields = fields ++ [\target, target.asString] };
		if(includeBusy) { fields = fields ++ [\include_busy, 1] };
		backend.sendMsg('/remote/action', *fields);
	}

	// From now on every evaluation in the IDE also goes to targets (nil: all free points; an
	// Array: each of them). With local: false the code only runs remotely.
	forwardEvaluations { |targets, local = true|
		if(forwarding) { this.stopForwarding };
		forwardTargets = targets;
		evaluateLocally = local;
		previousPreProcessor = thisProcess.interpreter.preProcessor;
		forwarding = true;
		thisProcess.interpreter.preProcessor = { |code, interpreter|
			var processed = previousPreProcessor !? { previousPreProcessor.value(code, interpreter) } ? code;
			this.prForward(processed);
			if(evaluateLocally) { processed } { "nil" }
		};
	}

	stopForwarding {
		if(forwarding.not) { ^this };
		thisProcess.interpreter.preProcessor = previousPreProcessor;
		forwarding = false;
	}

	prForward { |code|
		if(forwardTargets.isNil) { ^this.sendAll(code) };
		forwardTargets.asArray.do { |target| this.send(target, code) };
	}
}
