// Calls the app through both generated clients: the action door (ActionsClient, as the app's own
// pages would) and the public REST door (TasksApiV1Client, as a mobile app or a partner would).
// Usage: npm run build && npm start -- http://127.0.0.1:5180   (or set HYBRID_APP_URL)
import { ActionsClient } from "../../clients/actions";
import { TasksApiV1Client, type GetTaskError } from "../../clients/rest-v1";
import { isApiException } from "../../clients/types";

async function main(): Promise<void> {
    const baseUrl = process.argv[2] ?? process.env.HYBRID_APP_URL ?? "http://127.0.0.1:5180";
    const actions = new ActionsClient(baseUrl);
    const rest = new TasksApiV1Client(baseUrl);

    const fromAction = await actions.addTask({ title: "Added through the action door" });
    const fromRest = await rest.addTask({ title: "Added through the REST door" });
    const readBack = await rest.getTask(fromAction.id);
    const listed = await actions.listTasks();

    // A declared problem, typed: `code` can only be what GetTask declares for a 404.
    let missing = "found";
    try {
        await rest.getTask(999_999);
    } catch (e) {
        if (isApiException<GetTaskError>(e) && e.status === 404) {
            missing = e.result.code;
        } else {
            throw e;
        }
    }

    console.log(JSON.stringify({ fromAction, fromRest, readBack, listed: listed.map(t => t.title), missing }));
}

main().catch(e => {
    console.error(e);
    process.exitCode = 1;
});
