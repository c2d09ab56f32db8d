/* inet_pton, inet_ntop, inet_aton, inet_addr, inet_network, inet_ntoa, inet_makeaddr,
 * inet_lnaof, inet_netof and the byte-order functions: text round trips over a table of IPv4
 * and IPv6 addresses (printed, so every form must be glibc's), the texts each parser
 * refuses, the classful split, and the error paths (ENOSPC, EAFNOSUPPORT). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include "test.h"

static const char *const v6_texts[] = {
    "::", "::1", "1::", "::ffff:1.2.3.4", "::FFFF:102:304", "::1.2.3.4", "::0.0.0.1",
    "::ffff:0.0.0.0", "::fffe:1.2.3.4", "1:0:0:2:0:0:0:3", "1:0:0:2:0:0:3:4", "0:0:1::",
    "1:2:3:4:5:6:7:8", "1:0:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
    "FE80::0202:B3FF:FE1E:8329", "2001:db8::", "2001:0db8:0000:0000:0000:ff00:0042:8329",
    "1:2:3:4:5:6:1.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "0:0:0:0:0:0:0:0",
    "0::0", "::ffff:abcd", "64:ff9b::192.0.2.33", "1:2:3:4::5:6:7", "abcd::ef",
    /* refused */
    "", ":", ":::", "1:::2", ":1::", "1::2:", "1:2:3:4:5:6:7:8:9", "12345::", "1::2::3",
    "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "g::", "::1.2.3", "::01.2.3.4",
    "::1.2.3.256", "1.2.3.4", " ::1", "::1 ", "1:2:3:4:5:6:7", "::1.2.3.4:5",
};

static const char *const v4_texts[] = {
    "0.0.0.0", "127.0.0.1", "255.255.255.255", "192.168.0.10", "1.2.3.4",
    /* refused */
    "", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1.2.3.4 ", " 1.2.3.4", "1..2.3",
    "0x1.2.3.4", "1.2.3.-4", "1.2.3.4\n", "1.2.3.1000",
};

/* inet_aton's, inet_addr's and inet_network's wider forms (and what they refuse). */
static const char *const old_texts[] = {
    "1.2.3.4", "127.1", "10.0.1", "0x7f.1", "0177.0.0.1", "0x7f000001", "2130706433",
    "017700000001", "1.2.3.4 trailing", "1.2.3.4\tx", "255.255.255.255", "4294967295",
    "4294967296", "1.16777215", "1.16777216", "1.2.65535", "1.2.65536", "1.2.3.256",
    "256.1.1.1", "08", "09.1.1.1", "0x", "0x.1", "0xg", "x1", ".1", "1.", "1..2", "", " 1",
    "1.2.3.4.5", "0xFF.0XfF.0377.255", "1 2", "1.2 ", "0x100000001", "00", "0",
};

static void print_v6(const char *text)
{
    unsigned char bin[16];
    char out[INET6_ADDRSTRLEN];
    int r = inet_pton(AF_INET6, text, bin);
    printf("pton6 \"%s\" -> %d", text, r);
    if (r == 1) {
        T_CHECK(inet_ntop(AF_INET6, bin, out, sizeof out) == out);
        printf(" -> %s", out);
        /* The text written parses back to the same address. */
        unsigned char again[16];
        T_EQ(inet_pton(AF_INET6, out, again), 1);
        T_CHECK(memcmp(bin, again, 16) == 0);
    }
    printf("\n");
}

static void print_v4(const char *text)
{
    struct in_addr bin;
    char out[INET_ADDRSTRLEN];
    int r = inet_pton(AF_INET, text, &bin);
    printf("pton4 \"%s\" -> %d", text, r);
    if (r == 1) {
        T_CHECK(inet_ntop(AF_INET, &bin, out, sizeof out) == out);
        printf(" -> %s %08x", out, (unsigned)ntohl(bin.s_addr));
    }
    printf("\n");
}

static void print_old(const char *text)
{
    struct in_addr a = { 0x5a5a5a5a };
    int r = inet_aton(text, &a);
    printf("aton \"%s\" -> %d %08x; addr %08x; network %08x\n", text, r, r ? (unsigned)ntohl(a.s_addr) : 0,
           (unsigned)ntohl(inet_addr(text)), (unsigned)inet_network(text));
    T_EQ(inet_aton(text, NULL), r);
}

static char *second_text;

static void *other_thread(void *arg)
{
    (void)arg;
    struct in_addr a = { htonl(0x0a000001) };
    second_text = inet_ntoa(a);
    T_CHECK(strcmp(second_text, "10.0.0.1") == 0);
    return NULL;
}

int main(void)
{
    for (size_t i = 0; i < sizeof v6_texts / sizeof *v6_texts; i++)
        print_v6(v6_texts[i]);
    for (size_t i = 0; i < sizeof v4_texts / sizeof *v4_texts; i++)
        print_v4(v4_texts[i]);
    for (size_t i = 0; i < sizeof old_texts / sizeof *old_texts; i++)
        print_old(old_texts[i]);

    /* Every IPv6 address with a zero run at each place and length formats and parses back. */
    for (int start = 0; start < 8; start++)
        for (int len = 0; start + len <= 8; len++) {
            unsigned char bin[16], again[16];
            char out[INET6_ADDRSTRLEN];
            for (int w = 0; w < 8; w++) {
                int zero = w >= start && w < start + len;
                bin[2 * w] = 0;
                bin[2 * w + 1] = zero ? 0 : (unsigned char)(w + 1);
            }
            T_CHECK(inet_ntop(AF_INET6, bin, out, sizeof out) != NULL);
            printf("run %d+%d: %s\n", start, len, out);
            T_EQ(inet_pton(AF_INET6, out, again), 1);
            T_CHECK(memcmp(bin, again, 16) == 0);
        }

    /* Errors: families, room. */
    unsigned char bin[16] = { 0 };
    char out[INET6_ADDRSTRLEN];
    T_ERRNO(inet_pton(AF_UNIX, "1.2.3.4", bin), EAFNOSUPPORT);
    T_ERRNO(inet_pton(12345, "::", bin), EAFNOSUPPORT);
    errno = 0;
    T_CHECK(inet_ntop(AF_UNIX, bin, out, sizeof out) == NULL);
    T_EQ(errno, EAFNOSUPPORT);
    struct in_addr a4;
    T_EQ(inet_pton(AF_INET, "1.2.3.4", &a4), 1);
    errno = 0;
    T_CHECK(inet_ntop(AF_INET, &a4, out, 7) == NULL); /* "1.2.3.4" needs 8 bytes */
    T_EQ(errno, ENOSPC);
    T_CHECK(inet_ntop(AF_INET, &a4, out, 8) == out);
    T_CHECK(strcmp(out, "1.2.3.4") == 0);
    errno = 0;
    T_CHECK(inet_ntop(AF_INET, &a4, out, 0) == NULL);
    T_EQ(errno, ENOSPC);
    T_EQ(inet_pton(AF_INET6, "::1", bin), 1);
    errno = 0;
    T_CHECK(inet_ntop(AF_INET6, bin, out, 3) == NULL);
    T_EQ(errno, ENOSPC);
    T_CHECK(inet_ntop(AF_INET6, bin, out, 4) == out);
    T_CHECK(strcmp(out, "::1") == 0);
    memset(bin, 0xff, sizeof bin);
    T_CHECK(inet_ntop(AF_INET6, bin, out, INET6_ADDRSTRLEN) == out);
    printf("longest: %s (%zu)\n", out, strlen(out));
    /* A refused text leaves the destination alone. */
    memset(bin, 0x11, sizeof bin);
    T_EQ(inet_pton(AF_INET6, "1::2::3", bin), 0);
    T_EQ(bin[0], 0x11);
    T_EQ(inet_addr("1.2.3.400"), INADDR_NONE);
    T_EQ(inet_network("1.2.3.400"), INADDR_NONE);

    /* inet_ntoa: its buffer is overwritten by the next call, and is the calling thread's. */
    struct in_addr a = { htonl(0xc0a80001) };
    char *text = inet_ntoa(a);
    T_CHECK(strcmp(text, "192.168.0.1") == 0);
    a.s_addr = htonl(0xffffffff);
    T_CHECK(inet_ntoa(a) == text);
    T_CHECK(strcmp(text, "255.255.255.255") == 0);
    pthread_t t;
    T_RET(pthread_create(&t, NULL, other_thread, NULL), 0);
    T_RET(pthread_join(t, NULL), 0);
    T_CHECK(strcmp(text, "255.255.255.255") == 0);

    /* The classful split: class A, B, C (and D, split as C) addresses and back. */
    static const in_addr_t classful[] = { 0x0a010203, 0x7fffffff, 0x80000001, 0xac100001, 0xc0a80101,
                                          0xe0000001, 0xffffffff, 0 };
    for (size_t i = 0; i < sizeof classful / sizeof *classful; i++) {
        struct in_addr c = { htonl(classful[i]) };
        in_addr_t net = inet_netof(c), host = inet_lnaof(c);
        struct in_addr back = inet_makeaddr(net, host);
        printf("classful %08x: net %x host %x back %08x\n", (unsigned)classful[i], (unsigned)net, (unsigned)host,
               (unsigned)ntohl(back.s_addr));
    }
    static const in_addr_t nets[][2] = { { 10, 0x123456 }, { 127, 0xffffffff }, { 128, 0x12345 }, { 0xc0a8, 0x1ff },
                                         { 0xc0a801, 0x1ff }, { 0x1000000, 5 }, { 0, 0 } };
    for (size_t i = 0; i < sizeof nets / sizeof *nets; i++)
        printf("makeaddr %x %x: %08x\n", (unsigned)nets[i][0], (unsigned)nets[i][1],
               (unsigned)ntohl(inet_makeaddr(nets[i][0], nets[i][1]).s_addr));

    /* The byte-order functions as functions (the parentheses keep glibc's macros away). */
    T_EQ((htonl)(0x01020304), 0x04030201);
    T_EQ((ntohl)(0x04030201), 0x01020304);
    T_EQ((htons)(0x0102), 0x0201);
    T_EQ((ntohs)(0x0201), 0x0102);
    uint32_t (*volatile hl)(uint32_t) = htonl;
    uint16_t (*volatile hs)(uint16_t) = htons;
    T_EQ(hl(0xdeadbeef), 0xefbeadde);
    T_EQ(hs(0xbeef), 0xefbe);
    return t_status();
}
