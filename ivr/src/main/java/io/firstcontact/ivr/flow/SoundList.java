package io.firstcontact.ivr.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the sound files flows play and the words of each, one {@code sound<TAB>words} line per file: what
 * {@code ivr/sounds/make-sounds.sh} speaks with espeak-ng to make the demo's sounds, and what a voice artist reads to
 * record real ones.
 *
 * <p>Usage: {@code java -cp firstcontact-server.jar io.firstcontact.ivr.flow.SoundList [flows.yaml]} (the demo flows
 * without an argument).
 */
public final class SoundList {
    private SoundList() {}

    public static void main(String[] args) throws IOException {
        IvrFlows flows;
        if (args.length > 0) {
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                flows = FlowsReader.read(FlowsReader.tree(in));
            }
        } else {
            try (InputStream in = SoundList.class.getResourceAsStream("/io/firstcontact/ivr/demo-flows.yaml")) {
                flows = FlowsReader.read(FlowsReader.tree(in));
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        sounds(flows).forEach((sound, words) -> out.println(sound + "\t" + words));
    }

    /** Each sound file of the flows with its words, in the order the prompts are written. */
    public static Map<String, String> sounds(IvrFlows flows) {
        Map<String, String> sounds = new LinkedHashMap<>();
        for (Prompt p : flows.prompts().values()) {
            for (Prompt.Part part : p.parts()) {
                if (part instanceof Prompt.Part.Words w && w.sound() != null) {
                    sounds.putIfAbsent(w.sound(), w.text().strip().replaceAll("\\s+", " "));
                }
            }
        }
        return sounds;
    }
}
