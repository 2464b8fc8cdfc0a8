/* The performance floor for cloudfirst (DESIGN.md section 8): the least any YAML reader built on libyaml must pay.
 * Reads the whole file into memory, runs libyaml's event parser over it, counts the events and prints the count.
 * Exit 0 on success, 1 on a parse error, 2 on bad usage or an unreadable file.
 * Build: cc -O2 yaml_floor.c $(pkg-config --cflags --libs yaml-0.1) -o yaml_floor */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: yaml_floor FILE\n");
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 2;
    }
    /* Read in large chunks rather than by seeking, so pipes and /dev/stdin work too. */
    size_t capacity = 1 << 20, length = 0;
    unsigned char *text = malloc(capacity);
    size_t got;
    while (text && (got = fread(text + length, 1, capacity - length, file)) > 0) {
        length += got;
        if (length == capacity) {
            capacity *= 2;
            unsigned char *grown = realloc(text, capacity);
            if (!grown) { free(text); text = NULL; }
            else text = grown;
        }
    }
    if (!text || ferror(file)) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 2;
    }
    fclose(file);

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "yaml_parser_initialize failed\n");
        return 2;
    }
    yaml_parser_set_input_string(&parser, text, length);

    unsigned long events = 0;
    yaml_event_t event;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: error: %s\n", argv[1], parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            yaml_parser_delete(&parser);
            free(text);
            return 1;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(text);
    printf("%lu\n", events);
    return 0;
}
