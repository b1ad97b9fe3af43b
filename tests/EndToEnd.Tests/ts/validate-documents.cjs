// Validates OpenAPI documents against the specification with @apidevtools/swagger-parser (schema
// and semantic checks, every $ref resolved). Prints one line per document; exits non-zero on the first invalid one.
const SwaggerParser = require("@apidevtools/swagger-parser");

async function main(files) {
    if (files.length === 0) {
        throw new Error("name at least one document");
    }

    for (const file of files) {
        await SwaggerParser.validate(file);
        console.log("valid: " + file);
    }
}

main(process.argv.slice(2)).catch(error => {
    console.error("invalid: " + (error && error.message ? error.message : String(error)));
    process.exit(1);
});
