/* tls: __thread variables, initialised and zeroed, with a 64-byte aligned one. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static __thread int counter = 40;
static __thread char zeroed[256];
static __thread _Alignas(64) char aligned[8] = "aligned";

static void say(const char *s) { write(1, s, strlen(s)); }

int main(void)
{
    counter += 2;
    say(counter == 42 ? "counter: 40 + 2 = 42\n" : "counter: wrong\n");
    say(zeroed[0] == 0 && zeroed[255] == 0 ? ".tbss is zeroed\n" : ".tbss is not zeroed\n");
    say(((uintptr_t)aligned % 64) == 0 ? "64-byte alignment honoured: " : "misaligned: ");
    say(aligned);
    say("\n");
    return 0;
}
