// A SuperCollider instance as a Gencaster StreamPoint: it beacons to the backend, runs the
// instructions the backend sends and always answers them, and forwards its console's errors and
// warnings. Protocol: the "OSC protocol" section of the repository's README.md.
GencasterInstance {
	classvar <current;
	classvar forwarding = false;

	var <name, <backendHost, <backendPort, <beaconInterval;
	var <synthPort, <janusOutPort, <janusInPort, <janusOutRoom, <janusInRoom, <janusPublicIp, <useInput;
	var <>acceptFromAnyone, <>maxReturnSize = 8000;
	var <backend, <running = false, beaconRoutine, instructionReceiver;
	// The uuid of the instruction being run: manual_finish code keeps it to finish later.
	var <instructionUuid;

	// Arguments win; what is nil falls back to the original Gencaster's environment variables.
	*new { |name, backendHost, backendPort, beaconInterval = 5, synthPort, janusOutPort, janusInPort,
		janusOutRoom, janusInRoom, janusPublicIp, useInput, acceptFromAnyone = false|
		^super.new.init(name, backendHost, backendPort, beaconInterval, synthPort, janusOutPort,
			janusInPort, janusOutRoom, janusInRoom, janusPublicIp, useInput, acceptFromAnyone)
	}

	init { |argName, argHost, argPort, argInterval, argSynthPort, argOutPort, argInPort, argOutRoom,
		argInRoom, argPublicIp, argUseInput, argAcceptFromAnyone|
		var env = { |key| var value = key.getenv; if(value.notNil and: { value.size > 0 }) { value } { nil } };
		name = argName ?? { env.("SC_NAME") } ?? { "gencaster" };
		backendHost = argHost ?? { env.("BACKEND_OSC_HOST") } ?? { "127.0.0.1" };
		backendPort = (argPort ?? { env.("BACKEND_OSC_PORT") } ?? { 7000 }).asInteger;
		beaconInterval = argInterval;
		synthPort = (argSynthPort ?? { env.("SC_SYNTH_PORT") } ?? { Server.default.addr.port }).asInteger;
		janusOutPort = argOutPort ?? { env.("JANUS_OUT_PORT") };
		janusInPort = argInPort ?? { env.("JANUS_IN_PORT") };
		janusOutRoom = argOutRoom ?? { env.("JANUS_OUT_ROOM") };
		janusInRoom = argInRoom ?? { env.("JANUS_IN_ROOM") };
		janusPublicIp = argPublicIp ?? { env.("JANUS_PUBLIC_IP") };
		useInput = argUseInput ?? { ["1", "true"].includesEqual(env.("SUPERCOLLIDER_USE_INPUT") ? "0") };
		acceptFromAnyone = argAcceptFromAnyone;
	}

	// Starts beaconing and listening. The interpreter variable g points at the running instance
	// when it is free, as the backend's audio code (`{g.playBuffer(...)}`) expects.
	start {
		if(running) { ^this };
		current !? { current.stop };
		backend = NetAddr(backendHost, backendPort);
		current = this;
		running = true;
		if(thisProcess.interpreter.g.isNil) { thisProcess.interpreter.g = this };
		this.prListen;
		this.prBeacon;
		CmdPeriod.add(this);
	}

	stop {
		running = false;
		beaconRoutine.stop;
		instructionReceiver.free;
		CmdPeriod.remove(this);
		if(current === this) { current = nil };
		if(thisProcess.interpreter.g === this) { thisProcess.interpreter.g = nil };
	}

	// Ctrl+. (CmdPeriod) clears the clocks, and with them the beacon: start it again. The
	// instruction receiver is permanent and needs nothing.
	doOnCmdPeriod {
		if(running) { this.prBeacon };
	}

	sendBeacon {
		var fields = [
			\name, name, \synth_port, synthPort, \lang_port, NetAddr.langPort,
			\uuid, 0, \status, "BEACON", \use_input, useInput.binaryValue,
			\osc_backend_host, backendHost, \osc_backend_port, backendPort,
			\janus_out_port, janusOutPort, \janus_in_port, janusInPort,
			\janus_out_room, janusOutRoom, \janus_in_room, janusInRoom,
			\janus_public_ip, janusPublicIp
		];
		backend.sendMsg('/beacon', *this.prWithoutNil(fields));
	}

	acknowledge { |uuid, status, returnValue|
		var fields = [\uuid, uuid.asString, \status, status.asString];
		returnValue !? { fields = fields ++ [\return_value, this.prLimit(returnValue.asString)] };
		backend.sendMsg('/acknowledge', *fields);
	}

	// A console line for the backend's log (level: "ERROR", "WARNING", "INFO", ...).
	log { |level, message|
		backend.sendMsg('/log', \level, level.asString, \message, this.prLimit(message.asString),
			\name, name, \lang_port, NetAddr.langPort);
	}

	// Called by the console hooks in extGencasterConsole.sc; guarded so that a failure while
	// forwarding can never loop back into itself.
	*forwardConsole { |level, message|
		if(forwarding.not and: { current.notNil }) {
			forwarding = true;
			protect { current.log(level, message) } { forwarding = false };
		};
	}

	// Runs one instruction and always answers: RECEIVED at once, then FINISHED with the result's
	// compile string, or FAILURE with the error text. With manualFinish the code sends FINISHED
	// itself (see syncPlayBuffer).
	runInstruction { |uuid, code, manualFinish = false|
		var function, result, error;
		instructionUuid = uuid;
		this.acknowledge(uuid, "RECEIVED");
		// interpret does not fail on a syntax error (it posts and returns nil): compile first.
		function = code.compile;
		if(function.isNil) {
			error = "ERROR: syntax error" ++ this.prBracketHint(code);
			this.acknowledge(uuid, "FAILURE", error);
			this.log("ERROR", error ++ " in instruction " ++ uuid);
			^this
		};
		{
			result = function.value;
			if(result.isKindOf(Function)) { result = result.value(this) };
		}.try { |caught|
			error = caught.errorString;
		};
		if(error.notNil) {
			error.postln;
			this.acknowledge(uuid, "FAILURE", error);
			this.log("ERROR", error ++ " in instruction " ++ uuid);
			^this
		};
		if(manualFinish.not) { this.acknowledge(uuid, "FINISHED", result.asCompileString) };
	}

	// Ends a manual_finish instruction: `g.finish(id, result)` with the id taken from
	// instructionUuid while the instruction ran.
	finish { |uuid, result|
		this.acknowledge(uuid, "FINISHED", result.asCompileString);
	}

	// Plays a sound file once, fire and forget.
	playBuffer { |path|
		Buffer.read(Server.default, path, action: { |buffer|
			buffer.play.onFree({ buffer.free });
		});
	}

	// Plays a sound file and answers FINISHED for `uuid` when it has ended (sent with manual_finish).
	syncPlayBuffer { |path, uuid|
		Buffer.read(Server.default, path, action: { |buffer|
			buffer.play.onFree({ buffer.free; this.acknowledge(uuid, "FINISHED") });
		});
	}

	prListen {
		var backendAddress = if(acceptFromAnyone) { nil } { backend };
		instructionReceiver.free;
		// permanent: survives Ctrl+. (an OSCFunc is removed on CmdPeriod otherwise).
		instructionReceiver = OSCFunc({ |msg|
			this.runInstruction(msg[1].asString, msg[2].asString, msg[3] == true);
		}, '/instruction', backendAddress).permanent_(true);
	}

	prBeacon {
		beaconRoutine.stop;
		beaconRoutine = Routine({
			loop {
				this.sendBeacon;
				beaconInterval.wait;
			}
		}).play(SystemClock);
	}

	prWithoutNil { |fields|
		var kept = Array.new(fields.size);
		fields.pairsDo { |key, value| if(value.notNil) { kept.add(key).add(value) } };
		^kept
	}

	prLimit { |text|
		^if(text.size > maxReturnSize) { text.keep(maxReturnSize) ++ " ...(cut)" } { text }
	}

	// sclang's parser prints its message to the post window only; an unbalanced bracket, the
	// most common slip on stage, can at least be named here.
	prBracketHint { |code|
		var stack = List.new, pairs = IdentityDictionary[$) -> $(, $] -> $[, $} -> ${], inString = false, line = 1;
		code.do { |char, index|
			if(char == $\n) { line = line + 1 };
			case
			{ char == $" and: { index == 0 or: { code[index - 1] != $\\ } } } { inString = inString.not }
			{ inString } { }
			{ "([{".includes(char) } { stack.add([char, line]) }
			{ ")]}".includes(char) } {
				if(stack.isEmpty or: { stack.last[0] != pairs[char] }) {
					^": unexpected '%' on line %".format(char, line)
				};
				stack.pop;
			};
		};
		^if(stack.notEmpty) { ": '%' opened on line % is not closed".format(stack.last[0], stack.last[1]) } { "" }
	}
}
